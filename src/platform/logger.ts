import { writeSync } from 'node:fs';
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import { terminalSafe } from '../core/text/terminal-safe.js';

export type Logger = PinoLogger;

/** Paths whose values are secrets: never written to logs. */
const REDACT = [
  'secret', 'password', 'token', 'authorization', 'webhookUrl', 'url_with_credentials',
  '*.secret', '*.password', '*.token', '*.authorization', '*.webhookUrl', 'headers.authorization',
  'config.notifiers', 'options.password', 'options.appPassword', 'options.clientSecret',
  'tokens', '*.tokens', 'cookie', '*.cookie', 'headers.cookie', 'headers["set-cookie"]', 'req.headers.authorization', 'req.headers.cookie',
];

/**
 * stderr, written synchronously, through the sanitiser every printed line goes through: a log line
 * that quotes outside text (a feed's error message) never carries raw control characters (JSON
 * escapes C0 itself, not C1).
 */
const safeStderr: DestinationStream = {
  write(line: string) {
    writeSync(2, terminalSafe(line));
  },
};

/**
 * One pino logger for the process; components take a child (`logger.child({ component })`).
 * Logs go to stderr so that command output on stdout stays machine-readable.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    options.destination ?? safeStderr,
  );
}

/** A logger that writes nothing (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
