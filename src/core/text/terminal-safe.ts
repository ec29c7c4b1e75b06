/** Bold on and off: the only control sequences hubwatch itself writes into its output lines. */
const OWN_STYLES = /\u001b\[(?:1|22)m/y;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Makes a line safe to write to a terminal: every control character (C0 but tab and newline, DEL,
 * C1) becomes its visible escape (`\u001b`), so text from outside can neither move the cursor,
 * retitle the window, clear the screen nor ring the bell, and what it held stays readable. In a
 * JSON line the escape is the same character again, so JSON stays valid and equal. The bold
 * on/off sequences of highlighted search results are the one exception.
 */
export function terminalSafe(line: string): string {
  if (!CONTROL.test(line)) return line;
  let out = '';
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code === 0x1b) {
      OWN_STYLES.lastIndex = i;
      const own = OWN_STYLES.exec(line);
      if (own) {
        out += own[0];
        i += own[0].length - 1;
        continue;
      }
    }
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
    out += control ? `\\u${code.toString(16).padStart(4, '0')}` : line[i];
  }
  return out;
}
