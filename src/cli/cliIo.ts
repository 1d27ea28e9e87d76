/** Where the CLI writes: results to stdout, diagnostics and errors to stderr. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The stream behind `stderr`, when there is one (the process's): progress shows by default only
   * then, as a bar if it is a terminal. Text a caller captures gets progress only with `--progress`.
   */
  readonly stderrStream?: NodeJS.WriteStream;
}
