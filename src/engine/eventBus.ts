import { Subject, Subscription, type Observable } from 'rxjs';

/** Every event on the bus names its type and the slot it belongs to. */
export interface BusEvent {
  readonly type: string;
  readonly slot: number;
}

/**
 * A synchronous event bus: `emit` delivers to every subscriber before it returns, so recorders
 * see events in emission order and a slot's rows are complete when the slot ends. It carries data
 * out of the model only; nothing subscribed to it may feed back into the model (STYLE.md rule 7).
 *
 * The hot path is plain: `on` handlers sit in one array per event type and `emit` calls them in
 * subscription order, with no operator chain per event. `events$` (rxjs, for library pipelines) is
 * fed after them, and only while someone subscribes to it.
 */
export class EventBus<E extends BusEvent = BusEvent> {
  private readonly subject = new Subject<E>();
  /** `on` handlers by event type, in subscription order; replaced, never mutated, on (un)subscribe. */
  private readonly handlers = new Map<string, readonly ((event: E) => void)[]>();
  private completed = false;
  /** The first error a handler threw during the current `emit`, rethrown when it returns. */
  private failure: { error: unknown } | null = null;

  /**
   * Delivers `event` to every subscriber. If a handler throws (a sink out of disk space, a library
   * `onRow` that throws), the error is rethrown here, synchronously, once every subscriber has had
   * the event: rxjs would otherwise report it later on a timer, as an uncaught exception.
   */
  emit(event: E): void {
    if (this.completed) return;
    const list = this.handlers.get(event.type);
    if (list) for (let i = 0; i < list.length; i++) this.deliver(list[i]!, event);
    if (this.subject.observed) this.subject.next(event);
    const failure = this.failure;
    if (failure) {
      this.failure = null;
      throw failure.error;
    }
  }

  /**
   * Whether an event of `type` would reach anyone: an `on` handler for it or a subscriber of
   * `events$`. Lets an emitter skip building an event nobody reads.
   */
  observed(type: E['type']): boolean {
    return !this.completed && (this.handlers.has(type) || this.subject.observed);
  }

  /** All events, as an Observable (for rxjs pipelines; use `on` for sinks whose errors must reach `emit`'s caller). */
  get events$(): Observable<E> {
    return this.subject.asObservable();
  }

  /** Events of one type; the handler is called synchronously by `emit`, after those subscribed before it. */
  on<T extends E['type']>(type: T, handler: (event: Extract<E, { type: T }>) => void): Subscription {
    const h = handler as (event: E) => void;
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]);
    return new Subscription(() => {
      const rest = (this.handlers.get(type) ?? []).filter((x) => x !== h);
      if (rest.length > 0) this.handlers.set(type, rest);
      else this.handlers.delete(type);
    });
  }

  private deliver(handler: (event: E) => void, event: E): void {
    try {
      handler(event);
    } catch (error) {
      this.failure ??= { error };
    }
  }

  /** Ends the bus: `events$` completes and later events reach no one. */
  complete(): void {
    this.completed = true;
    this.handlers.clear();
    this.subject.complete();
  }
}
