/**
 * PDFs written by hand for the converter's hostile-input tests: one page, one content stream, the standard
 * Helvetica font. Small enough to read: catalog, pages, page, content, font, and an exact cross-reference table.
 */
import { deflateRawSync, constants } from 'node:zlib';

/** A one-page PDF whose page content is `content` (already encoded), with `filter` in its stream dictionary. */
export function onePagePdf(content: Buffer, filter?: string): Buffer {
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length}${filter ? ` /Filter /${filter}` : ''} >>\nstream\n`), content, Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A zlib stream of `chunks` MiB of spaces, built without inflating anything: one MiB deflated and flushed to a
 * byte boundary, repeated (after the first, every back reference lands on spaces, so each copy inflates to the
 * same MiB), then an empty final block and the Adler-32 of the whole. 4096 chunks: about 4 MB that inflate to 4 GiB.
 */
export function inflatingStream(chunks: number): Buffer {
  const mib = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(mib, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const total = chunks * mib;
  // Adler-32 of `total` spaces: a = 1 + 32·n, b = Σ a_i = n + 32·n(n+1)/2, both mod 65521 (BigInt: n is 2³²).
  const n = BigInt(total);
  const a = (1n + 32n * n) % 65521n;
  const b = (n + 16n * n * (n + 1n)) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: chunks }, () => block), Buffer.from([0x03, 0x00]), adler]);
}
