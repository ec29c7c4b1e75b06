import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

/** Paths whose values are secrets: never written to logs. */
const REDACT = [
  'secret', 'password', 'token', 'authorization', 'webhookUrl', 'url_with_credentials',
  '*.secret', '*.password', '*.token', '*.authorization', '*.webhookUrl', 'headers.authorization',
  'config.notifiers', 'options.password', 'options.appPassword', 'options.clientSecret',
];

/**
 * One pino logger for the process; components take a child (`logger.child({ component })`).
 * Logs go to stderr so that command output on stdout stays machine-readable.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that writes nothing (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
