// A minimal PNG writer (8-bit RGBA, no interlace) on node:zlib, so the app's icons need no image dependency.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function header(width: number, height: number, colourType: 3 | 6): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = 8; // bit depth
  h[9] = colourType; // 3: palette indices, 6: RGBA
  // compression, filter, interlace: 0
  return h;
}

/** Rows of `bytesPerPixel`-wide pixels, each row led by filter byte 0 (flat artwork compresses well without one). */
function scanlines(width: number, height: number, bytesPerPixel: number, pixels: Uint8Array): Buffer {
  const stride = width * bytesPerPixel;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return raw;
}

/**
 * The picture's colours in order of first appearance, when there are at most 256 of them (else null). Our drawings
 * have 14–182 (antialiased edges included), so a palette PNG stores one byte a pixel instead of four: the empty-state
 * picture shrinks by about half, and it ships in the main package, whose budget is tight.
 */
function paletteOf(rgba: Uint8Array): { colours: number[]; indices: Uint8Array } | null {
  const index = new Map<number, number>();
  const indices = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < indices.length; i++) {
    const colour = ((rgba[i * 4]! << 24) | (rgba[i * 4 + 1]! << 16) | (rgba[i * 4 + 2]! << 8) | rgba[i * 4 + 3]!) >>> 0;
    let at = index.get(colour);
    if (at === undefined) {
      if (index.size === 256) return null;
      at = index.size;
      index.set(colour, at);
    }
    indices[i] = at;
  }
  return { colours: [...index.keys()], indices };
}

/** `rgba` holds width × height × 4 bytes, row by row. The output is byte-for-byte the same for the same pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const palette = paletteOf(rgba);
  if (!palette) {
    return Buffer.concat([
      SIGNATURE,
      chunk('IHDR', header(width, height, 6)),
      chunk('IDAT', deflateSync(scanlines(width, height, 4, rgba), { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
  const plte = Buffer.alloc(palette.colours.length * 3);
  const trns = Buffer.alloc(palette.colours.length);
  palette.colours.forEach((c, i) => {
    plte[i * 3] = c >>> 24;
    plte[i * 3 + 1] = (c >>> 16) & 0xff;
    plte[i * 3 + 2] = (c >>> 8) & 0xff;
    trns[i] = c & 0xff;
  });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header(width, height, 3)),
    chunk('PLTE', plte),
    chunk('tRNS', trns),
    chunk('IDAT', deflateSync(scanlines(width, height, 1, palette.indices), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
