export type Outcome = 'rejected' | 'ok' | 'skipped' | 'crash' | 'hang' | 'non-finite' | 'validation-exception' | 'bad-message' | 'accepted-invalid' | 'invalid-json';

export interface CaseResult {
  readonly outcome: Outcome;
  /** For failures: the cause, with numbers and quoted values blanked (for grouping). */
  readonly signature?: string;
  readonly error?: { readonly name: string; readonly message: string; readonly frame: string };
  /** For rejected cases: the UserInputError's message. */
  readonly message?: string;
  /** Hash of the resolved config, when it validated. */
  readonly key?: string;
  readonly kind?: string;
}

export class CaseRunner {
  constructor(opts: { distDir: string; timeoutMs?: number; memoryMb?: number });
  start(): Promise<void>;
  run(json: string, opts?: { slots?: number; auctions?: number; shouldRun?: (key: string) => boolean; timeoutMs?: number }): Promise<CaseResult>;
  close(): Promise<void>;
}
