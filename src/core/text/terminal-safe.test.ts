import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe.js';

describe('terminalSafe', () => {
  it('turns every control character into its visible escape', () => {
    expect(terminalSafe('a\u001b]0;pwned\u0007b\u001b[2Jc\u009b31md\re\u007f')).toBe('a\\u001b]0;pwned\\u0007b\\u001b[2Jc\\u009b31md\\u000de\\u007f');
  });

  it('leaves tabs, newlines and every printable character alone', () => {
    const text = 'Société\tGénérale\n« Acme » — 東京 😀 AT&T <x>';
    expect(terminalSafe(text)).toBe(text);
  });

  it('keeps a JSON line valid and equal, C1 characters included', () => {
    const value = { title: 'x\u009b2Jy\u0085z' };
    const line = terminalSafe(JSON.stringify(value));
    expect(line).not.toMatch(/[\u0080-\u009f]/);
    expect(JSON.parse(line)).toEqual(value);
  });

  it('keeps only its own bold on/off sequences', () => {
    expect(terminalSafe('\u001b[1mAcme\u001b[22m \u001b[31mred')).toBe('\u001b[1mAcme\u001b[22m \\u001b[31mred');
  });
});
