/**
 * Builds the published-file fixtures of test/fixtures/convert/ from the bundled samples and the real reports
 * of test/fixtures/real/ (copies of ../shared/corpus/real/): for each, a web page as government sites write them (site chrome, scripts,
 * `&nbsp;` blanks, the official tables with their merged cells as rowspan/colspan), a Word file with the same
 * merged cells (the `docx` package), and a PDF printed from the page by Chromium headless. Every number and
 * label comes from the engine's reading of the sample text, as written; nothing is edited.
 *
 *   node --import tsx scripts/make-convert-fixtures.mjs        (needs `chromium` on PATH for the PDFs)
 *
 * Also writes the hostile and broken inputs of the bad-input tests (bad/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deflateSync, zipSync, strToU8 } from 'fflate';
import * as iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { parseReport, TEMPLATES } from '../server/src/engine/index.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/convert');
const SOURCES = [
  ...['000_4be19b291208bb33', '001_4bbec81685d80308', '002_931eb61caecda62d', '003_8cda5f95bd011878', '004_fcebe1c6f102ee17'].map((n) => join(ROOT, 'samples', `${n}.txt`)),
  ...['01_hongze-district-gov-2023', '04_shanghai-gov-general-office-2019', '06_shuyang-county-gov-2025-ocr'].map((n) => join(ROOT, 'test/fixtures/real', `${n}.txt`)),
];
/** Pages written in GBK with a gb2312 meta, as many county sites still do. */
const GBK = new Set(['001_4bbec81685d80308', '04_shanghai-gov-general-office-2019']);

const cell = (text, o = {}) => ({ text, rowSpan: o.rowSpan ?? 1, colSpan: o.colSpan ?? 1 });
const slice = (text, span) => text.slice(span.start, span.end);

/** The official layout of a table, its values as the engine read them from the sample. */
function tableBlocks(report, id) {
  const t = report.tables[id];
  const tpl = TEMPLATES[t.version];
  const raw = (row, k) => {
    if (row.cells) return row.cells[k]?.raw ?? '';
    return row.found[k]?.raw ?? '';
  };
  const byId = new Map(t.rows.map((r) => [r.id, r]));
  const labelOf = (r) => slice(report.text, r.labelSpan).replace(/\s+/g, ' ').trim() || r.label;
  const rows = [];
  if (id === 'active') {
    const width = Math.max(...tpl.active.blocks.map((b) => b.columns.length));
    for (const b of tpl.active.blocks) {
      const found = b.rows.map((r) => t.rows.find((x) => x.id === `${b.id}.${r.id}` || x.id === r.id)).filter(Boolean);
      if (found.length === 0) continue;
      rows.push([cell(b.label, { colSpan: width + 1 })]);
      const span = (k) => (k === b.columns.length - 1 ? width - b.columns.length + 1 : 1);
      rows.push([cell('信息内容'), ...b.columns.map((c, k) => cell(c.label, { colSpan: span(k) }))]);
      for (const r of found) rows.push([cell(labelOf(r)), ...b.columns.map((_, k) => cell(raw(r, k), { colSpan: span(k) }))]);
    }
  } else if (id === 'applications') {
    const def = tpl.applications;
    const orgs = def.columns.filter((c) => c.group === 'org');
    rows.push([cell(def.cornerNote, { colSpan: 3, rowSpan: 3 }), cell('申请人情况', { colSpan: def.columns.length })]);
    rows.push([cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { colSpan: orgs.length }), cell('总计', { rowSpan: 2 })]);
    rows.push(orgs.map((c) => cell(c.label)));
    // The rows as read, in the table's order: a row written in the other version's shape (2019's one
    // （六）其他处理 row in a 2021 table) sits under the group's parent.
    const present = t.rows.map((row) => def.rows.find((d) => d.id === row.id)
      ?? { id: row.id, group: def.rowGroups.find((g) => g.id === row.id)?.parent ?? undefined });
    const groupLabel = (gid) => {
      const g = t.groups.find((x) => x.id === gid);
      return g ? slice(report.text, g.span).replace(/\s+/g, ' ').trim() : def.rowGroups.find((x) => x.id === gid).label;
    };
    const shown = new Set();
    for (const r of present) {
      const row = byId.get(r.id);
      const label = [];
      const group = r.group ? def.rowGroups.find((g) => g.id === r.group) : null;
      const chain = group ? (group.parent ? [group.parent, group.id] : [group.id]) : [];
      for (const gid of chain) {
        if (shown.has(gid)) continue;
        shown.add(gid);
        const members = present.filter((x) => x.group === gid || def.rowGroups.find((g) => g.id === x.group)?.parent === gid).length;
        label.push(cell(groupLabel(gid), { rowSpan: members }));
      }
      label.push(cell(labelOf(row), { colSpan: 3 - chain.length }));
      // A row whose numbers could not be placed in columns is written with the cells it has.
      const values = row.cells ? def.columns.map((_, k) => cell(raw(row, k))) : row.found.map((c) => cell(c.raw));
      rows.push([...label, ...values]);
    }
  } else {
    const review = byId.values().next().value;
    rows.push([cell('行政复议', { colSpan: 5 }), cell('行政诉讼', { colSpan: 10 })]);
    const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    rows.push([...heads.map((h) => cell(h, { rowSpan: 2 })), cell('未经复议直接起诉', { colSpan: 5 }), cell('复议后起诉', { colSpan: 5 })]);
    rows.push([...heads, ...heads].map((h) => cell(h)));
    if (review) rows.push(Array.from({ length: 15 }, (_, k) => cell(raw(review, k))));
  }
  return rows;
}

/** The report as blocks: paragraphs as written (blank lines dropped) and the three tables in the official layout. */
function blocksOf(text) {
  const report = parseReport(text);
  const starts = new Map();
  const covered = new Set();
  for (const id of ['active', 'applications', 'review']) {
    const t = report.tables[id];
    if (!t) continue;
    starts.set(t.firstLine, id);
    for (let l = t.firstLine; l <= t.lastLine; l++) covered.add(l);
  }
  const blocks = [];
  // A text cut short inside a table ends there on the page too.
  const cut = Math.min(...Object.values(report.tables).filter((t) => t.truncatedAt).map((t) => t.lastLine));
  report.lines.forEach((line, i) => {
    if (i > cut) return;
    if (starts.has(i)) {
      const id = starts.get(i);
      const rows = tableBlocks(report, id);
      // The column headers of Tables 3 and 4 (three rows each), for pages that repeat them after a page break.
      if (rows.length > 0) blocks.push({ kind: 'table', rows, head: id === 'active' ? 0 : 3 });
    }
    if (covered.has(i)) return;
    const value = text.slice(line.start, line.end).trim();
    // Markdown decorations of the OCR text are not part of a page.
    const clean = value.replace(/^#+\s*/, '').replace(/\*\*/g, '');
    if (clean !== '' && !/^\|?[\s:|-]+\|?$/.test(clean)) blocks.push({ kind: 'p', text: clean });
  });
  return blocks;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(blocks, title, charset, { thead = false } = {}) {
  const body = blocks.map((b) => {
    if (b.kind === 'p') return `<p style="text-indent:2em;line-height:1.8"><span style="font-family:仿宋_GB2312">${esc(b.text)}</span></p>`;
    const trs = b.rows.map((r) => '  <tr>' + r.map((c) => {
      const attrs = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
      return `<td${attrs} valign="center"><p align="center"><span>${c.text === '' ? '&nbsp;' : esc(c.text)}</span></p></td>`;
    }).join('') + '</tr>').join('\n');
    if (thead && b.head > 0) {
      const lines = trs.split('\n');
      return `<table border="1" cellspacing="0" cellpadding="0" width="100%">\n<thead>\n${lines.slice(0, b.head).join('\n')}\n</thead>\n<tbody>\n${lines.slice(b.head).join('\n')}\n</tbody>\n</table>`;
    }
    return `<table border="1" cellspacing="0" cellpadding="0" width="100%">\n<tbody>\n${trs}\n</tbody>\n</table>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(title)}</title>
<style>body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:12pt}table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;font-size:10pt}</style>
<script>var _hmt = _hmt || []; document.write('');</script>
</head><body>
<div class="header"><div class="nav"><a href="/">首页</a>&nbsp;|&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;|&nbsp;<a href="/hdjl/">互动交流</a></div></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article"><div id="zoom" class="TRS_Editor">
${body}
</div></div>
<div class="footer">主办单位：某某人民政府办公室 &nbsp; 网站标识码：0000000000 &nbsp; ICP备案号：0000000号</div>
<script>window.print && 0;</script>
</body></html>
`;
}

async function docx(blocks) {
  const children = blocks.map((b) => {
    if (b.kind === 'p') return new Paragraph({ children: [new TextRun(b.text)] });
    const width = Math.max(1, ...b.rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map((r) => new TableRow({
        children: r.map((c) => new TableCell({
          rowSpan: c.rowSpan, columnSpan: c.colSpan,
          children: [new Paragraph(c.text)],
        })),
      })),
      columnWidths: Array(width).fill(Math.floor(9000 / width)),
    });
  });
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

function printPdf(htmlPath, pdfPath, { furniture = false } = {}) {
  const flags = furniture ? [] : ['--no-pdf-header-footer'];
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', ...flags, `--print-to-pdf=${pdfPath}`, htmlPath], { stdio: 'ignore', timeout: 120_000 });
}

mkdirSync(OUT, { recursive: true });
for (const src of SOURCES) {
  const name = basename(src, '.txt');
  const text = readFileSync(src, 'utf8');
  const blocks = blocksOf(text);
  const charset = GBK.has(name) ? 'gb2312' : 'utf-8';
  const page = html(blocks, `${name} 政府信息公开工作年度报告`, charset);
  const htmlPath = join(OUT, `${name}.html`);
  writeFileSync(htmlPath, charset === 'utf-8' ? page : iconv.encode(page, 'gb18030'));
  writeFileSync(join(OUT, `${name}.docx`), await docx(blocks));
  // The PDF prints the UTF-8 rendering (Chromium reads both; one print keeps the fixture stable).
  const printable = join(OUT, `${name}.print.html`);
  writeFileSync(printable, charset === 'utf-8' ? page : page.replace('charset=gb2312', 'charset=utf-8'));
  printPdf(printable, join(OUT, `${name}.pdf`));
  rmSync(printable);
  // A second print of sample 004 as browsers print by default: date and title at the top of every page, the
  // address and `n/N` at the bottom, and the tables' column headers repeated on each page they continue on.
  if (name === '004_fcebe1c6f102ee17') {
    const furnished = join(OUT, `${name}.furniture.print.html`);
    writeFileSync(furnished, html(blocks, `${name} 政府信息公开工作年度报告`, 'utf-8', { thead: true }));
    printPdf(furnished, join(OUT, `${name}.furniture.pdf`), { furniture: true });
    rmSync(furnished);
    // And once with no cell borders at all: tables laid out by position only.
    const borderless = join(OUT, `${name}.borderless.print.html`);
    writeFileSync(borderless, page.replace('td{border:1px solid #000;', 'td{border:none;').replace(/border="1"/g, 'border="0"'));
    printPdf(borderless, join(OUT, `${name}.borderless.pdf`));
    rmSync(borderless);
  }
  console.log(name);
}

// Bad and hostile inputs.
const BAD = join(OUT, 'bad');
mkdirSync(BAD, { recursive: true });
const goodPdf = readFileSync(join(OUT, '004_fcebe1c6f102ee17.pdf'));
writeFileSync(join(BAD, 'truncated.pdf'), goodPdf.subarray(0, Math.floor(goodPdf.length / 2)));
writeFileSync(join(BAD, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x5a), Buffer.from('\n%%EOF\n')]));
writeFileSync(join(BAD, 'not-a-pdf.pdf'), 'just some text pretending to be a PDF\n');
const goodDocx = readFileSync(join(OUT, '004_fcebe1c6f102ee17.docx'));
writeFileSync(join(BAD, 'truncated.docx'), goodDocx.subarray(0, Math.floor(goodDocx.length / 2)));
// A Word 97 file and a WPS file: the OLE compound-file signature and nothing a converter could read.
const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
writeFileSync(join(BAD, 'report.doc'), ole);
writeFileSync(join(BAD, 'report.wps'), ole);
// An encrypted Office file is an OLE container holding an EncryptedPackage stream.
writeFileSync(join(BAD, 'encrypted.docx'), Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]));
// Zip bomb: word/document.xml inflates to 200 MB of spaces (the zip itself is about 200 KB).
{
  const xml = Buffer.alloc(200 * 1024 * 1024, 0x20);
  writeFileSync(join(BAD, 'zip-bomb.docx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': [new Uint8Array(xml.buffer, xml.byteOffset, xml.length), { level: 9 }] }));
}
// XML entity expansion (billion laughs) and nesting ten thousand deep.
{
  const ents = ['<!ENTITY a0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
  const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [${ents}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>`;
  writeFileSync(join(BAD, 'entities.docx'), zipSync({ 'word/document.xml': strToU8(laughs) }));
  const deep = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:sdt><w:sdtContent>'.repeat(5000)}${'</w:sdtContent></w:sdt>'.repeat(5000)}</w:body></w:document>`;
  writeFileSync(join(BAD, 'deep.docx'), zipSync({ 'word/document.xml': strToU8(deep) }));
  writeFileSync(join(BAD, 'deep.html'), `<html><body>${'<div>'.repeat(20000)}一、总体情况${'</div>'.repeat(20000)}</body></html>`);
}
// A web page with no report in it: a site's list page.
writeFileSync(join(BAD, 'no-report.html'), '<html><head><meta charset="utf-8"><title>政务公开</title></head><body><ul><li><a href="a.html">通知公告</a></li><li><a href="b.html">政策文件</a></li></ul></body></html>');
// Scanned PDF: pages with a picture and no text layer; thousands of pages; one enormous page.
{
  const pdf = (pages, size = [595, 842], content = '') => {
    const objs = [];
    const kids = [];
    objs.push('<< /Type /Catalog /Pages 2 0 R >>');
    objs.push(null);
    const stream = content;
    objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    for (let i = 0; i < pages; i++) {
      kids.push(`${objs.length + 1} 0 R`);
      objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Contents 3 0 R >>`);
    }
    objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
    let out = '%PDF-1.4\n';
    const offsets = [];
    objs.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return out;
  };
  // A grey rectangle where the scanned page image would be: drawing, no text.
  writeFileSync(join(BAD, 'scanned.pdf'), pdf(3, [595, 842], '0.5 g 50 50 495 742 re f'));
  writeFileSync(join(BAD, 'many-pages.pdf'), pdf(5000));
  writeFileSync(join(BAD, 'huge-page.pdf'), pdf(1, [200000, 200000], '0.5 g 0 0 100 100 re f'));
}
void deflateSync;
console.log('bad inputs written');
