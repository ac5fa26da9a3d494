/**
 * A file name or message on one line of a line format (text, compact): control characters are written as
 * escapes (`\n`, `\t`, `\x1b`, `\u2028`), so that one finding stays one line, a problem matcher reads the
 * right path and a name cannot send commands to the terminal. Backslashes stay as they are (Windows paths).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(value: string): string {
  return value.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}
