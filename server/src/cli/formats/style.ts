/** Terminal styling for the human formats: ANSI colours when stdout is a TTY, NO_COLOR and FORCE_COLOR respected. */
import type { Severity } from '../../engine';

export interface Style {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  severity(severity: Severity, s: string): string;
  green(s: string): string;
}

/** FORCE_COLOR (other than 0/false) wins, then NO_COLOR (any non-empty value), then whether the stream is a TTY. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

const SEVERITY_CODES: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled && s !== '' ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    green: wrap(32, 39),
    severity: (severity, s) => wrap(SEVERITY_CODES[severity], 39)(s),
  };
}
