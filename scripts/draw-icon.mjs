// Draws images/icon.png (128×128, the Marketplace and Open VSX icon) without any image library: a red rounded
// square, a white sheet with a table on it and a gold check mark, supersampled 4× for smooth edges, written as
// an RGBA PNG with node's zlib. Run: node scripts/draw-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;

const RED = [200, 16, 46, 255];
const WHITE = [255, 255, 255, 255];
const LINE = [200, 16, 46, 255];
const GOLD = [255, 196, 0, 255];
const CLEAR = [0, 0, 0, 0];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour at a point of the 128×128 canvas. */
function colourAt(x, y) {
  // The check mark, over everything, with a red outline so it reads on the white sheet.
  const tick = [[70, 88], [86, 104], [116, 64]];
  const d = Math.min(segmentDistance(x, y, tick[0], tick[1]), segmentDistance(x, y, tick[1], tick[2]));
  if (d <= 6) return GOLD;
  if (d <= 9) return RED;
  if (!inRoundRect(x, y, 4, 4, 124, 124, 22)) return CLEAR;
  if (!inRoundRect(x, y, 24, 18, 96, 110, 6)) return RED;
  // The table: a header band and a 3×4 grid.
  if (y >= 34 && y <= 40 && x >= 32 && x <= 88) return LINE;
  const inGrid = x >= 32 && x <= 88 && y >= 46 && y <= 98;
  if (inGrid) {
    const onColumn = [32, 50.5, 69, 88].some((c) => Math.abs(x - c) <= 1.5);
    const onRow = [46, 59, 72, 85, 98].some((r) => Math.abs(y - r) <= 1.5);
    if (onColumn || onRow) return LINE;
  }
  return WHITE;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        // Premultiplied, so that transparent samples do not darken the edge.
        for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
        acc[3] += c[3];
      }
    }
    const a = acc[3] / (SS * SS);
    for (let i = 0; i < 3; i++) row[1 + px * 4 + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
    row[1 + px * 4 + 3] = Math.round(a);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
