/** Where the CLI writes: results to stdout, diagnostics and errors to stderr. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}
