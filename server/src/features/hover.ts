/**
 * Hover: on a table number, its row and column and every identity it takes part in with the
 * values filled in, ✓ or ✗, and the expected value of the blamed cell when broken; on a section heading,
 * the official section, the format version and the year read. The engine explains the position,
 * this module only words it in the client's language, as Markdown, from the cached check.
 */
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { explainAt, type CellDescription, type Description, type HeadingDescription, type IdentityDescription } from '../engine';
import { format, type Locale, type MessageArgs, type MessageKey } from '../messages';
import type { DocumentChecker } from './checker';
import { rangeOfSpan } from './to-lsp';

const IDENTITY_NAME: Record<IdentityDescription['rule'], MessageKey> = {
  'row-total': 'hover.identity.row-sum',
  'item-total': 'hover.identity.outcome-sum',
  balance: 'hover.identity.carry-forward',
  'review-total': 'hover.identity.group-sum',
};

/** Escapes the characters that change inline Markdown; report text is shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

function identityLine(i: IdentityDescription, t: (key: MessageKey, args?: MessageArgs) => string): string {
  const result = i.holds ? '✓' : '✗';
  let line = `- ${t('hover.identity', { name: t(IDENTITY_NAME[i.rule]), formula: escapeMarkdown(i.formula), result })}`;
  if (i.expected) {
    line += i.expected.isThisCell
      ? ` ${t('hover.expected.self', { expected: i.expected.value })}`
      : ` ${escapeMarkdown(t('hover.expected.other', { row: i.expected.row, column: i.expected.column, expected: i.expected.value }))}`;
  }
  return line;
}

function cellMarkdown(d: CellDescription, t: (key: MessageKey, args?: MessageArgs) => string): string {
  const value = d.raw === '' ? t('hover.blank') : d.raw;
  const lines = [
    `**${escapeMarkdown(t('hover.cell', { row: d.row, column: d.column, value }))}**`,
    '',
    escapeMarkdown(t('hover.table', { table: d.table.name })),
    '',
  ];
  if (d.identities.length === 0) lines.push(t('hover.noIdentity'));
  else lines.push(...d.identities.map((i) => identityLine(i, t)));
  return lines.join('\n');
}

function headingMarkdown(d: HeadingDescription, t: (key: MessageKey, args?: MessageArgs) => string): string {
  const { used, observed, expected, basis } = d.version;
  const version = observed === 'mixed'
    ? t('hover.version.mixed', { version: used })
    : observed === null
      ? t('hover.version.unknown', { version: used })
      : t('hover.version', { version: observed, basis });
  const items = [version, d.year === null ? t('hover.year.none') : t('hover.year', { year: d.year })];
  if (d.year !== null && expected !== null && observed !== expected) items.push(t('hover.version.expected', { year: d.year, expected }));
  if (d.table) {
    const layout = { key: `layout.${d.table.layout}` as MessageKey };
    items.push(d.table.readable
      ? t('hover.layout', { layout })
      : t('hover.layout.unreadable', { layout }));
  }
  return [
    `**${escapeMarkdown(t('hover.heading', { numeral: d.section.numeral, heading: d.section.heading }))}**`,
    '',
    ...items.map((i) => `- ${escapeMarkdown(i)}`),
  ].join('\n');
}

/** The hover's Markdown for a description, in one locale. */
export function hoverMarkdown(d: Description, locale: Locale): string {
  const t = (key: MessageKey, args?: MessageArgs) => format({ key, args }, locale);
  return d.kind === 'cell' ? cellMarkdown(d, t) : headingMarkdown(d, t);
}

export class HoverFeature {
  constructor(private readonly checker: DocumentChecker, private readonly locale: Locale) {}

  async hover(params: HoverParams, token: CancellationToken): Promise<Hover | null> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return null;
    const { document, checked } = found;
    const description = explainAt(checked.report, document.offsetAt(params.position));
    if (!description) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(description, this.locale) },
      range: rangeOfSpan(document, description.span),
    };
  }
}
