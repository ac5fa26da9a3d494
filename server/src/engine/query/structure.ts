/**
 * What the report's structure says as a whole: cut tables, sections lost at the end, the rows expected, and
 * the questions about its sections that several rules ask the same way.
 */
import type { Report, Span } from '../model';
import { TEMPLATES } from '../template';
import { SECTION_TITLE_VARIANTS } from '../template/matching';
import { labelKey } from '../text/normalize';
import type { TableId } from '../template/types';

/** The spans of the tables that were cut off, to suppress findings that follow from the cut. */
export function truncatedTables(report: Report): Set<TableId> {
  const s = new Set<TableId>();
  for (const t of Object.values(report.tables)) if (t?.truncatedAt) s.add(t.id);
  return s;
}

/** Sections missing after the last heading, when two or more are: the text was cut, not the sections forgotten. */
export function trailingMissingSections(report: Report): number[] {
  if (!report.sections.length) return [];
  // The last section present: by its heading, or by its table when the heading is missing (a text cut inside
  // Table 3 whose heading 四 is garbled has lost 五 and 六, not forgotten them).
  const tableSections = Object.values(report.tables).map((t) => report.template.sections.find((d) => d.table === t.id)!.no);
  const last = Math.max(...report.sections.map((s) => s.no), ...tableSections);
  const missing: number[] = [];
  for (let no = last + 1; no <= 6; no++) missing.push(no);
  return missing.length >= 2 ? missing : [];
}

export function endOfText(report: Report): Span {
  let i = report.lines.length - 1;
  while (i > 0 && report.lines[i].text.trim() === '') i--;
  const line = report.lines[i];
  return { start: line.start, end: line.end };
}

/** The rows a table of the report's version should have, in order, with their labels. */
export function expectedRows(report: Report, id: TableId): { id: string; label: string }[] {
  if (id === 'applications') return report.template.applications.rows.map((r) => ({ id: r.id, label: r.label }));
  if (id === 'active') {
    const seen = report.tables.active?.blocks ?? [];
    return report.template.active.blocks.flatMap((b) => {
      const v = seen.find((s) => s.id === b.id)?.version ?? report.template.version;
      const block = TEMPLATES[v].active.blocks.find((x) => x.item === b.item) ?? b;
      return block.rows.map((r) => ({ id: `${block.id}.${r.id}`, label: r.label }));
    });
  }
  return [{ id: 'cases', label: report.template.review.name }];
}

const TITLE_PREFIX = /^(?:20\d{2}年度?)?(?:政府信息公开|政务公开)?(?:工作)?/;

/** The title is the official one of section `no`, or a variant that names the same section exactly. */
export function isOfficialTitle(no: number, title: string): boolean {
  const key = labelKey(title);
  const variants = SECTION_TITLE_VARIANTS[no] ?? [];
  return variants.includes(key) || variants.includes(key.replace(TITLE_PREFIX, ''));
}

/**
 * The sections do not follow the template: the narrative is numbered like sections, or headings repeat
 * or come out of order. Structural edits then guess at what the writer meant and are never unattended.
 */
export function departsFromTemplate(report: Report): boolean {
  if (report.narrative) return true;
  if (report.headings.length !== report.sections.length) return true;
  return report.sections.some((s, i) => i > 0 && s.no < report.sections[i - 1].no);
}

/**
 * A page or excerpt of a report (a flipbook page, a copied part): no title and no first section, but
 * some text. Missing sections are then the excerpt's edges, not gaps in a report.
 */
export function isFragment(report: Report): boolean {
  if (report.content !== 'text' || report.title) return false;
  return !report.sections.some((s) => s.no === 1);
}
