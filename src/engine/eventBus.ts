import { Subject, type Observable, type Subscription } from 'rxjs';
import { filter } from 'rxjs/operators';

/** Every event on the bus names its type and the slot it belongs to. */
export interface BusEvent {
  readonly type: string;
  readonly slot: number;
}

/**
 * A synchronous event bus: `emit` delivers to every subscriber before it returns, so recorders
 * see events in emission order and a slot's rows are complete when the slot ends. It carries data
 * out of the model only; nothing subscribed to it may feed back into the model (STYLE.md rule 7).
 */
export class EventBus<E extends BusEvent = BusEvent> {
  private readonly subject = new Subject<E>();
  /** The first error a handler threw during the current `emit`, rethrown when it returns. */
  private failure: { error: unknown } | null = null;

  /**
   * Delivers `event` to every subscriber. If a handler throws (a sink out of disk space, a library
   * `onRow` that throws), the error is rethrown here, synchronously, once every subscriber has had
   * the event: rxjs would otherwise report it later on a timer, as an uncaught exception.
   */
  emit(event: E): void {
    this.subject.next(event);
    const failure = this.failure;
    if (failure) {
      this.failure = null;
      throw failure.error;
    }
  }

  /** All events, as an Observable (for rxjs pipelines; use `on` for sinks whose errors must reach `emit`'s caller). */
  get events$(): Observable<E> {
    return this.subject.asObservable();
  }

  /** Events of one type. */
  on<T extends E['type']>(type: T, handler: (event: Extract<E, { type: T }>) => void): Subscription {
    return this.subject
      .pipe(filter((e): e is Extract<E, { type: T }> => e.type === type))
      .subscribe((e) => this.guard(() => handler(e)));
  }

  private guard(deliver: () => void): void {
    try {
      deliver();
    } catch (error) {
      this.failure ??= { error };
    }
  }

  complete(): void {
    this.subject.complete();
  }
}
