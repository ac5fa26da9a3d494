/**
 * A minimal Office Open XML workbook writer (ECMA-376, SpreadsheetML) over fflate's zip: sheets of rows whose
 * cells are text, numbers or empty, three cell styles (plain, bold header, grey italic ids), the first column's
 * width and frozen panes. Enough for `--format xlsx`, about 4 KB instead of exceljs's 1.3 MB in the bundle.
 * Strings go to the shared-string table (every reader supports it). The output is byte-for-byte the same for
 * the same workbook: no clock goes into it.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export type CellValue = string | number | null;

/** Cell styles (indexes into styles.xml's cellXfs). */
export const CellStyle = { Plain: 0, Bold: 1, GreyItalic: 2 } as const;
export type CellStyle = (typeof CellStyle)[keyof typeof CellStyle];

export interface SheetRow {
  readonly cells: readonly CellValue[];
  readonly style?: CellStyle;
}

export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\` (Excel's rule; checked). */
  readonly name: string;
  readonly rows: readonly SheetRow[];
  /** Frozen columns on the left and rows on top. */
  readonly frozen?: { readonly columns: number; readonly rows: number };
  /** Width of the first column, in characters. */
  readonly firstColumnWidth?: number;
}

export interface Workbook {
  readonly creator: string;
  readonly sheets: readonly Sheet[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
// A fixed time for every zip entry: the same workbook gives the same bytes.
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/** XML text: the five escapes, and characters XML 1.0 cannot hold at all dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  ref(s: string): number {
    this.uses++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(ref: string, value: CellValue, style: CellStyle, strings: SharedStrings): string {
  const s = style === CellStyle.Plain ? '' : ` s="${style}"`;
  if (value === null || value === '') return style === CellStyle.Plain ? '' : `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return cellXml(ref, String(value), style, strings);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${ref}"${s} t="s"><v>${strings.ref(value)}</v></c>`;
}

function sheetXml(sheet: Sheet, strings: SharedStrings): string {
  let views = '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  if (sheet.frozen && (sheet.frozen.columns > 0 || sheet.frozen.rows > 0)) {
    const { columns, rows } = sheet.frozen;
    const pane = columns > 0 && rows > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
    views = `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${columnName(columns)}${rows + 1}" activePane="${pane}" state="frozen"/>`
      + `<selection pane="${pane}"/></sheetView></sheetViews>`;
  }
  const cols = sheet.firstColumnWidth === undefined ? '' : `<cols><col min="1" max="1" width="${sheet.firstColumnWidth}" customWidth="1"/></cols>`;
  const rows = sheet.rows.map((row, r) => {
    const style = row.style ?? CellStyle.Plain;
    const cells = row.cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v, style, strings)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  }).join('');
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">`
  + '<fonts count="3">'
  + '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><i/><sz val="11"/><color rgb="FF808080"/><name val="Calibri"/><family val="2"/></font>'
  + '</fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '</cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

function checkSheetNames(sheets: readonly Sheet[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`invalid sheet name: ${name}`);
    if (seen.has(name.toLowerCase())) throw new Error(`duplicate sheet name: ${name}`);
    seen.add(name.toLowerCase());
  }
}

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(book: Workbook): Uint8Array {
  checkSheetNames(book.sheets);
  const strings = new SharedStrings();
  const sheets = book.sheets.map((s) => sheetXml(s, strings));
  const n = sheets.length;
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPE_SHEET}"/>`).join('')
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + '</Types>',
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
      + '</Relationships>',
    'docProps/core.xml': `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`
      + `<dc:creator>${xmlText(book.creator)}</dc:creator></cp:coreProperties>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>`
      + book.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
      + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`
      + `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
      + '</Relationships>',
    'xl/styles.xml': STYLES,
  };
  sheets.forEach((xml, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = xml; });
  // After the sheets: their cells fill the table.
  files['xl/sharedStrings.xml'] = strings.xml();
  const zippable: Zippable = {};
  for (const [path, text] of Object.entries(files)) zippable[path] = [strToU8(text), { mtime: ZIP_TIME }];
  return zipSync(zippable, { level: 6 });
}
