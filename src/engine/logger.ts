import { pino, type Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Diagnostics logger writing JSON lines to stderr (never stdout, which carries results). The level
 * comes from `--log-level`, else `SEQSIM_LOG_LEVEL`, else `warn`; the test setup sets `silent`.
 */
export function createLogger(level?: LogLevel): Logger {
  const envLevel = process.env.SEQSIM_LOG_LEVEL as LogLevel | undefined;
  const chosen = level ?? (envLevel && logLevels.includes(envLevel) ? envLevel : 'warn');
  return pino({ name: 'seqsim', level: chosen, base: undefined }, pino.destination(2));
}
