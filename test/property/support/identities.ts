/**
 * An evaluation of the template's identities written for the tests, from the template data and the cells as read,
 * independent of the engine's own (which reads a blank total as the sum of its parts): a number is known, a blank
 * is unknown, and an identity instance holds, is broken, or is open (it still has a blank).
 */
import type { Cell, Report, Span } from '../../../server/src/engine';

export type Status = 'holds' | 'broken' | 'open';

export interface Instance {
  /** `<identity id> <row or column>`: the same instance in two versions of a text. */
  readonly key: string;
  readonly cells: readonly Cell[];
  readonly status: Status;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Every instance of the report's identities whose cells were all located as numbers or blanks. */
export function identityInstances(report: Report): Instance[] {
  const out: Instance[] = [];
  for (const identity of report.template.identities) {
    const table = report.tables[identity.table];
    if (!table) continue;
    const cellOf = (rowId: string, columnId: string): Cell | null => {
      const row = table.rows.find((r) => r.id === rowId);
      const i = row?.columns.findIndex((c) => c.id === columnId) ?? -1;
      const cell = row?.cells?.[i];
      return cell && (cell.kind === 'number' || cell.kind === 'blank') ? cell : null;
    };
    for (const over of identity.over) {
      const at = (id: string) => (identity.forEach === 'row' ? cellOf(over, id) : cellOf(id, over));
      const left = identity.left.map(at);
      const right = identity.right.map(at);
      const all = [...left, ...right];
      if (all.some((c) => c === null)) continue;
      const cells = all as Cell[];
      const sum = (xs: (Cell | null)[]) => round(xs.reduce((s, c) => s + (c?.value ?? 0), 0));
      const status: Status = cells.some((c) => c.kind === 'blank') ? 'open' : sum(left) === sum(right) ? 'holds' : 'broken';
      out.push({ key: `${identity.id} ${over}`, cells, status });
    }
  }
  return out;
}

/** Where the edits' new text lies in the edited text (edits sorted and not overlapping, as applyEdits keeps them). */
export function writtenSpans(edits: readonly { span: Span; newText: string }[]): Span[] {
  let delta = 0;
  return edits.map((e) => {
    const start = e.span.start + delta;
    delta += e.newText.length - (e.span.end - e.span.start);
    return { start, end: start + e.newText.length };
  });
}

/** Whether two spans overlap or touch (an insertion into an empty cell touches that cell). */
export const touches = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;
