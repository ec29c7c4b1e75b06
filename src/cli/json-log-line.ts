/**
 * One line in the shape of the logs' (pino's: numeric level, epoch-ms time, msg), for notes and
 * progress written to a stderr that is not a terminal.
 */
export function jsonLogLine(message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ level: 30, time: Date.now(), ...fields, msg: message });
}
