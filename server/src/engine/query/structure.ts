/** Questions about a report's section structure that several rules ask the same way. */
import type { Report } from '../model';
import { labelKey } from '../text/normalize';
import { SECTION_TITLE_VARIANTS } from '../template/matching';

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
