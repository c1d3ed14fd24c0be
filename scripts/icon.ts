/**
 * Draws the extension's icon, `images/icon.png` (128×128): a note page with text lines on a
 * rounded blue square, one line marked as a recognized name. `npx tsx scripts/icon.ts` writes it;
 * no image library, just pixels, zlib and the PNG chunk format.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
type RGBA = [number, number, number, number];
const pixels = new Uint8Array(SIZE * SIZE * 4);

/** Coverage of the pixel (x, y) by a rounded rectangle, 4×4 samples for smooth edges. */
function roundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, x0 + r), x1 - r);
      const cy = Math.min(Math.max(py, y0 + r), y1 - r);
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1 && (px - cx) ** 2 + (py - cy) ** 2 <= r * r) inside++;
    }
  }
  return inside / 16;
}

function paint(shape: (x: number, y: number) => number, [r, g, b, a]: RGBA): void {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const cover = shape(x, y) * (a / 255);
      if (cover === 0) continue;
      const i = (y * SIZE + x) * 4;
      const under = pixels[i + 3] / 255;
      const out = cover + under * (1 - cover);
      for (const [k, c] of [r, g, b].entries()) pixels[i + k] = Math.round((c * cover + pixels[i + k] * under * (1 - cover)) / (out || 1));
      pixels[i + 3] = Math.round(out * 255);
    }
  }
}

const rect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => roundRect(x, y, x0, y0, x1, y1, r);
paint(rect(4, 4, 124, 124, 24), [31, 64, 140, 255]); // background
paint(rect(30, 20, 98, 108, 8), [250, 250, 247, 255]); // the page
for (const [i, width] of [56, 44, 52, 36, 48].entries()) paint(rect(40, 36 + i * 13, 40 + width, 41 + i * 13, 2.5), [150, 160, 180, 255]); // text lines
paint(rect(38, 45, 80, 55, 3), [255, 196, 61, 255]); // a recognized name, highlighted
paint(rect(40, 48, 78, 52, 2), [31, 64, 140, 255]);

function png(data: Uint8Array): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(typed));
    return Buffer.concat([head, typed, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rows.set(data.subarray(y * SIZE * 4, (y + 1) * SIZE * 4), y * (SIZE * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(path.resolve(__dirname, '..', 'images', 'icon.png'), png(pixels));
