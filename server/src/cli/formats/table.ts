/** Plain-text tables aligned by display width (CJK counts two columns). */
import { displayWidth, padEnd, padStart } from '../width';

export type Align = 'left' | 'right';

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent + cells.map((c, i) => (align[i] === 'right' ? padStart(c, widths[i]) : padEnd(c, widths[i]))).join('  ').trimEnd();
  return [line(header), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
