// Draws the extension's icon, media/icon.png (128x128): a claim form, its lines, and a tick for a claim that
// passes. Drawn here rather than taken from an icon set so the picture is our own; node's zlib writes the PNG,
// so it needs no image library. Run `node scripts/draw-icon.mjs` after changing the drawing, and commit the PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const samples = 4; // per axis: 16 samples a pixel smooth the edges

const background = [31, 78, 95]; // the gallery banner's colour
const paper = [248, 250, 252];
const ink = [120, 140, 150];
const tick = [46, 160, 90];

/** Inside a rectangle with rounded corners. */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Within `width / 2` of the segment from (x1, y1) to (x2, y2). */
function nearSegment(x, y, x1, y1, x2, y2, width) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.min(1, Math.max(0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= (width / 2) ** 2;
}

/** The colour at a point, or undefined outside the tile (transparent). */
function colourAt(x, y) {
  if (nearSegment(x, y, 70, 92, 82, 104, 9) || nearSegment(x, y, 82, 104, 104, 76, 9)) return tick;
  if (inRoundedRect(x, y, 64, 70, 110, 112, 23)) return paper;
  const onPaper = inRoundedRect(x, y, 30, 20, 86, 100, 5);
  if (onPaper) {
    for (const [lineY, lineEnd] of [
      [36, 72],
      [50, 72],
      [64, 62],
      [78, 56],
    ]) {
      if (nearSegment(x, y, 40, lineY, lineEnd, lineY, 5)) return ink;
    }
    return paper;
  }
  if (inRoundedRect(x, y, 4, 4, 124, 124, 22)) return background;
  return undefined;
}

const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4); // filter byte 0 (none), then RGBA
  for (let px = 0; px < size; px++) {
    let red = 0;
    let green = 0;
    let blue = 0;
    let covered = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const colour = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
        if (colour) {
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered++;
        }
      }
    }
    const offset = 1 + px * 4;
    if (covered > 0) {
      row[offset] = Math.round(red / covered);
      row[offset + 1] = Math.round(green / covered);
      row[offset + 2] = Math.round(blue / covered);
      row[offset + 3] = Math.round((255 * covered) / samples ** 2);
    }
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bits per channel
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
