/**
 * Builds a report's text line by line, recording where every number cell lands, around the tables
 * a layout draws: title, the six sections with prose, a fee statement. Everything outside the
 * tables is the same in every layout (bar the heading style), so findings can be compared.
 */
import { TEMPLATES, type Span, type TableId } from '../../../../server/src/engine';
import { tableModel, type TableModel } from './model';
import type { Rng } from './rng';
import type { RenderedReport, ReportModel } from './types';

/** A piece of a line: plain text, or a number cell with its key. */
export type Seg = string | { readonly key: string; readonly text: string };

export class ReportBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly cells = new Map<string, Span>();
  readonly marks = new Map<string, number>();

  line(...segs: Seg[]): void {
    for (const s of segs) {
      if (typeof s === 'string') {
        this.append(s);
      } else {
        this.cells.set(s.key, { start: this.length, end: this.length + s.text.length });
        this.append(s.text);
      }
    }
    this.append('\n');
  }

  lines(xs: readonly string[]): void {
    for (const x of xs) this.line(x);
  }

  /** Names the current offset (the start of the next line). */
  mark(name: string): void {
    this.marks.set(name, this.length);
  }

  text(): string {
    return this.parts.join('');
  }

  private append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}

/** A number cell of a data row (`key` is `<table>:<row id>`). */
export function cell(key: string, col: number, text: string): Seg {
  return { key: `${key}:${col}`, text };
}

/** How a layout dresses the report: its headings, its tables, and what goes between sections. */
export interface Dress {
  title(b: ReportBuilder, year: number, rng: Rng): void;
  heading(b: ReportBuilder, heading: string, rng: Rng): void;
  table(b: ReportBuilder, table: TableModel, rng: Rng): void;
  /** After each section (page footers in PDF text). */
  between?(b: ReportBuilder, page: number, rng: Rng): void;
}

export const PROSE = [
  '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。',
  '通过门户网站、政务新媒体等渠道及时发布政策文件和工作动态。',
  '进一步完善政府信息公开工作机制，明确责任分工，规范办理流程。',
  '加强对工作人员的业务培训，提升依法公开的意识和能力。',
];

export const plainTitle = (b: ReportBuilder, year: number): void => b.lines(['某某县卫生健康局', `${year}年政府信息公开工作年度报告`, '']);
export const plainHeading = (b: ReportBuilder, heading: string): void => b.line(heading);

/** Section 一 written as its own numbered list (own-numbering): titles that name no section, bar 二 and 三. */
const OWN_ITEMS = ['一、总体情况', '二、主动公开', '三、依申请公开', '四、政府信息管理', '五、监督保障', '六、平台建设'];
const NUMERALS = '一二三四五六';
const CAPTIONS: Record<number, string> = { 2: '表二', 3: '表三', 4: '表四' };

/** The heading a section gets under the model's structure. */
function headingOf(model: ReportModel, no: number, heading: string, title: string): string {
  if (model.structure !== 'own-numbering' || no === 1) return heading;
  if (no === 5) return title;
  return `${NUMERALS[no - 2]}、${title}`;
}

export function renderReport(model: ReportModel, rng: Rng, dress: Dress): RenderedReport {
  const b = new ReportBuilder();
  const sections = TEMPLATES[model.version].sections;
  const structure = model.structure ?? 'template';
  dress.title(b, model.year, rng);
  sections.forEach((s, i) => {
    b.mark(`section-${s.no}`);
    if (structure === 'own-numbering' && s.no === 1) {
      for (const [k, item] of OWN_ITEMS.entries()) {
        dress.heading(b, item, rng);
        b.lines([k === 0 ? `${model.year}年，${PROSE[0]}` : PROSE[k % PROSE.length], '']);
      }
      if (i < sections.length - 1) dress.between?.(b, i + 1, rng);
      return;
    }
    dress.heading(b, headingOf(model, s.no, s.heading, s.title), rng);
    if (s.table && structure !== 'template') b.lines([`## ${CAPTIONS[s.no]}：${s.title}`, '']);
    if (s.table) {
      dress.table(b, tableModel(model, s.table), rng);
    } else if (s.no === 1) {
      b.lines([`${model.year}年，${PROSE[0]}`, '（一）主动公开', PROSE[1], '']);
    } else if (s.no === 5) {
      b.lines(['（一）存在的主要问题', PROSE[2], '（二）改进情况', PROSE[3], '']);
    } else {
      b.lines([`${model.year}年度本机关未收取信息处理费。`, '']);
    }
    if (i < sections.length - 1) dress.between?.(b, i + 1, rng);
  });
  b.mark('end');
  const text = b.text();
  const regionOf = (id: TableId): Span => {
    const no = sections.find((s) => s.table === id)!.no;
    return { start: b.marks.get(`section-${no}`)!, end: b.marks.get(`section-${no + 1}`) ?? text.length };
  };
  return { text, cells: b.cells, regions: { active: regionOf('active'), applications: regionOf('applications'), review: regionOf('review') } };
}
