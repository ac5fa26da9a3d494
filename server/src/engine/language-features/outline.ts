/**
 * The report's outline as a tree of spans: title → sections → sub-headings and tables → row groups
 * (Table 2's 三、本年度办理结果 / （三）不予公开 …, Table 1's 第二十条第（X）项 blocks) → rows.
 * Pure: the language server turns it into document symbols and folding ranges.
 */
import type { ParsedTable, Report, Span, TableRow } from '../model';
import { positionAt } from '../text/lines';

export type OutlineKind = 'title' | 'section' | 'subHeading' | 'table' | 'group' | 'row';

export interface OutlineNode {
  readonly kind: OutlineKind;
  readonly name: string;
  readonly detail?: string;
  /** The whole part: a section from its heading to its last line, a table from its first to its last cell. */
  readonly span: Span;
  /** The text naming the part: the heading, the group or row label; always inside `span`. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineNode[];
}

const byStart = (a: OutlineNode, b: OutlineNode) => a.span.start - b.span.start || b.span.end - a.span.end;

const contains = (outer: Span, offset: number) => offset >= outer.start && offset <= outer.end;

/** Where a row ends: its last cell (placed, surplus or unplaced), else its label. */
function rowEnd(row: TableRow): number {
  let end = row.labelSpan.end;
  for (const c of [...(row.cells ?? []), ...row.found, ...row.extra]) end = Math.max(end, c.span.end);
  return end;
}

function rowNode(row: TableRow, detail?: string): OutlineNode {
  return { kind: 'row', name: row.label, detail, span: { start: row.labelSpan.start, end: rowEnd(row) }, selectionSpan: row.labelSpan, children: [] };
}

/** A group node around its children, starting at its label. */
function groupNode(name: string, label: Span, children: OutlineNode[]): OutlineNode {
  const end = Math.max(label.end, ...children.map((c) => c.span.end));
  return { kind: 'group', name, span: { start: label.start, end }, selectionSpan: label, children: children.sort(byStart) };
}

/** Table 1: rows under the 第二十条第（X）项 block that anchors them. */
function activeChildren(report: Report, table: ParsedTable): OutlineNode[] {
  const blocks = table.blocks ?? [];
  const used = new Set<TableRow>();
  const nodes: OutlineNode[] = [];
  for (const block of blocks) {
    const label = report.template.active.blocks.find((b) => b.id === block.id)?.label
      ?? report.text.slice(block.span.start, block.span.end);
    const rows = table.rows.filter((r) => !used.has(r) && r.id.startsWith(`${block.id}.`) && r.labelSpan.start >= block.span.start);
    rows.forEach((r) => used.add(r));
    nodes.push(groupNode(label, block.span, rows.map((r) => rowNode(r))));
  }
  for (const r of table.rows) if (!used.has(r)) nodes.push(rowNode(r));
  return nodes.sort(byStart);
}

/** Table 2: rows under their (nested) groups; a group whose label was not found hands its rows to its parent. */
function applicationsChildren(report: Report, table: ParsedTable): OutlineNode[] {
  const defs = report.template.applications.rowGroups;
  const found = new Map(table.groups.map((g) => [g.id, g.span]));
  // The nearest group that was found in the text, walking up the template's parents.
  const placedIn = (groupId: string | undefined | null): string | null => {
    let id = groupId ?? null;
    while (id !== null && !found.has(id)) id = defs.find((d) => d.id === id)?.parent ?? null;
    return id;
  };
  const members = new Map<string | null, OutlineNode[]>();
  const add = (group: string | null, node: OutlineNode) => members.set(group, [...(members.get(group) ?? []), node]);
  for (const row of table.rows) add(placedIn(row.group), rowNode(row));
  // Children before parents: deeper groups first, so a parent's list holds its finished sub-groups.
  const depth = (id: string): number => {
    const parent = defs.find((d) => d.id === id)?.parent ?? null;
    return parent === null ? 0 : 1 + depth(parent);
  };
  for (const g of [...table.groups].sort((a, b) => depth(b.id) - depth(a.id))) {
    const def = defs.find((d) => d.id === g.id);
    const node = groupNode(def?.label ?? report.text.slice(g.span.start, g.span.end), g.span, members.get(g.id) ?? []);
    add(placedIn(def?.parent), node);
  }
  return (members.get(null) ?? []).sort(byStart);
}

function tableNode(report: Report, table: ParsedTable): OutlineNode {
  const line = report.lines[table.firstLine];
  const selectionEnd = Math.min(table.span.end, Math.max(table.span.start, line?.end ?? table.span.start));
  const children = table.id === 'active' ? activeChildren(report, table) : table.id === 'applications' ? applicationsChildren(report, table) : [];
  return {
    kind: 'table', name: report.template[table.id].name, detail: `${table.version}`,
    span: table.span, selectionSpan: { start: table.span.start, end: selectionEnd }, children,
  };
}

/** The end of the line before `offset`'s line, not before `floor`. */
function endOfPreviousLine(report: Report, offset: number, floor: number): number {
  const line = positionAt(report.lines, offset).line;
  return line > 0 ? Math.max(floor, report.lines[line - 1].end) : floor;
}

export function outlineOf(report: Report): OutlineNode[] {
  if (report.content !== 'text') return [];
  const tables = Object.values(report.tables).filter((t): t is ParsedTable => t !== undefined).map((t) => tableNode(report, t));
  const placed = new Set<OutlineNode>();
  const sections: OutlineNode[] = report.sections.map((s) => {
    const own = tables.filter((t) => !placed.has(t) && contains(s.span, t.span.start));
    own.forEach((t) => placed.add(t));
    const starts = [...own.map((t) => t.span.start), ...s.subHeadings.map((h) => h.span.start)];
    const subs: OutlineNode[] = s.subHeadings.map((h) => {
      const next = Math.min(s.span.end + 1, ...starts.filter((x) => x > h.span.start));
      const end = next > s.span.end ? s.span.end : endOfPreviousLine(report, next, h.span.end);
      return { kind: 'subHeading', name: report.text.slice(h.span.start, h.span.end).trim() || h.text, span: { start: h.span.start, end }, selectionSpan: h.span, children: [] };
    });
    const name = report.text.slice(s.heading.span.start, s.heading.span.end).trim() || s.heading.title;
    const span = { start: s.span.start, end: Math.max(s.span.end, ...own.map((t) => t.span.end)) };
    // The official heading beside a variant wording (`一、政府信息公开总体情况` → `一、总体情况`); none when it is the official one.
    const official = report.template.sections[s.no - 1].heading;
    return { kind: 'section', name, detail: name === official ? undefined : official, span, selectionSpan: s.heading.span, children: [...subs, ...own].sort(byStart) };
  });
  const top = [...sections, ...tables.filter((t) => !placed.has(t))].sort(byStart);
  const title = report.title;
  if (!title) return top;
  if (top.length > 0 && top[0].span.start < title.span.start) {
    const alone: OutlineNode = { kind: 'title', name: title.text, span: title.span, selectionSpan: title.span, children: [] };
    return [alone, ...top].sort(byStart);
  }
  const end = Math.max(title.span.end, ...top.map((n) => n.span.end));
  return [{ kind: 'title', name: title.text, span: { start: title.span.start, end }, selectionSpan: title.span, children: top }];
}
