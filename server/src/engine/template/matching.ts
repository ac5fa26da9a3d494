/**
 * Matching knowledge that the official format does not carry: how the parser recognises each section
 * heading, table row and header word in real text (docs/format.md, "Recognising a heading", "Reading a table").
 * Keys are label keys (labelKey()).
 */
import type { RowMatch } from './types';

/** Section keyword rules, by section number (docs/format.md, "Recognising a heading"). */
export const SECTION_KEYWORDS: Record<number, { allOf: string[][]; noneOf: string[] }> = {
  1: { allOf: [['总体情况', '基本情况', '概述']], noneOf: [] },
  2: { allOf: [['主动公开']], noneOf: ['申请'] },
  3: { allOf: [['申请'], ['收到', '处理', '办理', '依申请']], noneOf: [] },
  4: { allOf: [['复议', '诉讼']], noneOf: [] },
  5: { allOf: [['问题'], ['改进', '整改', '措施']], noneOf: [] },
  6: { allOf: [['其他', '其它'], ['事项']], noneOf: [] },
};

/** How each Table 2 row is found (docs/format.md, "Row keys"). Shared by both versions; rows absent from a version are ignored. */
export const APPLICATION_ROW_MATCH: Record<string, RowMatch> = {
  R1: { contains: ['本年新收'] },
  R2: { contains: ['上年结转'] },
  'R3.1': { contains: ['予以公开'] },
  'R3.2': { contains: ['部分公开'] },
  'R3.3.1': { contains: ['国家秘密'] },
  'R3.3.2': { contains: ['其他法律', '行政法规禁止', '法规禁止'] },
  'R3.3.3': { contains: ['三安全一稳定', '三安全'] },
  'R3.3.4': { contains: ['第三方'] },
  'R3.3.5': { contains: ['内部事务'] },
  'R3.3.6': { contains: ['过程性'] },
  'R3.3.7': { contains: ['执法案卷'] },
  'R3.3.8': { contains: ['行政查询'] },
  'R3.4.1': { contains: ['不掌握'] },
  'R3.4.2': { contains: ['另行制作'] },
  'R3.4.3': { contains: ['仍不明确', '补正后'] },
  'R3.5.1': { contains: ['信访'] },
  'R3.5.2': { contains: ['重复申请'] },
  'R3.5.3': { contains: ['出版物'] },
  'R3.5.4': { contains: ['大量反复'] },
  'R3.5.5': { contains: ['重新出具'] },
  'R3.6': { contains: ['其他处理'], exact: ['其他'], after: 'R3.2' },
  'R3.6.1': { contains: ['逾期不补正'] },
  'R3.6.2': { contains: ['收费通知', '缴纳费用'] },
  'R3.6.3': { contains: [], exact: ['其他'], after: 'R3.6.2' },
  'R3.7': { contains: ['总计'], after: 'R3.1' },
  R4: { contains: ['结转下年'] },
};

/** Keys of Table 2's row groups (label lines that carry no numbers). */
export const APPLICATION_GROUP_KEYS: Record<string, string[]> = {
  R3: ['本年度办理结果'],
  'R3.3': ['不予公开'],
  'R3.4': ['无法提供'],
  'R3.5': ['不予处理'],
  'R3.6': ['其他处理'],
};

/** Header cells of Table 2 (the corner note is recognised by its own words). */
export const APPLICATION_HEADER_WORDS = [
  '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计',
];
export const CORNER_NOTE_KEYS = ['勾稽关系', '第一项加第二项'];

/** Header cells of Table 3. */
export const REVIEW_HEADER_WORDS = [
  '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉',
];

/** Table 1's block anchor `第二十条第（X）项` as a label key (brackets dropped); X is captured. */
export const ACTIVE_BLOCK_ANCHOR = /^第二十条第([一二三四五六七八九十\d]{1,2})项$/;
/** What every key of a Table 1 anchor starts with (a cut or annotated anchor still starts the table). */
export const ACTIVE_ANCHOR_PREFIX = '第二十条第';

/** Words that open Table 1's header row of each block. */
export const ACTIVE_CORNER_KEYS = ['信息内容'];

/** Units accepted inside a cell: stripped for arithmetic, reported as information. */
export const CELL_UNITS = ['万元', '元', '件', '条', '个', '项', '次', '宗', '起', '人', '家', '份', '户'];

/** Section endings that let an unnumbered line count as a heading (docs/format.md, "Recognising a heading"). */
export const UNNUMBERED_HEADING_ENDINGS = ['情况', '事项', '措施', '概述'];

/**
 * Section titles that bodies write instead of the official one and that still name the same section
 * exactly (provincial template edits, older wording). A heading with one of these titles is the
 * official section: its numbering may be corrected unattended, and the title itself is no finding.
 * Keys are label keys; a leading year (`2023年`) and `政府信息公开(工作)` before the title are ignored.
 */
export const SECTION_TITLE_VARIANTS: Record<number, string[]> = {
  1: ['总体情况', '基本情况', '工作基本情况', '工作总体情况', '概述'],
  2: ['主动公开政府信息情况', '主动公开情况', '主动公开政府信息的情况'],
  3: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况', '依申请公开政府信息情况'],
  4: ['政府信息公开行政复议行政诉讼情况', '因政府信息公开工作被申请行政复议提起行政诉讼情况', '行政复议行政诉讼情况', '因政府信息公开申请行政复议提起行政诉讼情况'],
  5: ['存在的主要问题及改进情况', '存在的主要问题及整改措施', '存在的主要问题及改进措施', '存在的主要问题及整改情况', '存在的问题及改进措施', '存在的主要问题和改进措施', '工作存在的主要问题及改进情况'],
  6: ['其他需要报告的事项', '其他需要汇报事项', '其他需要汇报的事项', '其他需要报告事项'],
};
