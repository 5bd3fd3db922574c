// The committed pictures are what scripts/make-icons.ts draws (change a drawing, rerun the script, commit both),
// and each fits what WeChat's tabBar accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { drawAppPictures } from '../../scripts/lib/app-pictures';
import { encodePng } from '../../scripts/lib/png-encode';

const ASSETS = path.resolve(__dirname, '..', '..', 'src', 'assets');
const pictures = drawAppPictures();

test.each(pictures.map((p) => [p.file, p] as const))('src/assets/%s is the drawing, byte for byte', (_file, p) => {
  expect(readFileSync(path.join(ASSETS, p.file)).equals(p.png)).toBe(true);
});

test('tab icons: an outline and a filled picture per tab, 81×81 PNG, far below WeChat’s 40 KB', () => {
  const tabs = pictures.filter((p) => p.file.startsWith('tab/'));
  expect(tabs.map((p) => p.file).sort()).toEqual(
    ['event', 'event-active', 'group', 'group-active', 'mine', 'mine-active'].map((n) => `tab/${n}.png`).sort(),
  );
  for (const p of tabs) {
    expect(p.png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([p.png.readUInt32BE(16), p.png.readUInt32BE(20)]).toEqual([81, 81]); // IHDR width, height
    expect(p.png.length).toBeLessThan(40 * 1024);
  }
  // Selected and unselected differ in shape, not only colour: their opaque pixels are not the same set.
  expect(new Set(tabs.map((p) => p.png.toString('base64'))).size).toBe(6);
});

/** Reads a PNG we wrote back into RGBA: palette (type 3, PLTE + tRNS) or RGBA (type 6), 8-bit, filter 0 rows. */
function decode(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const chunks = new Map<string, Buffer[]>();
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(off + 8, off + 8 + len)]);
    off += 12 + len;
  }
  const ihdr = chunks.get('IHDR')![0]!;
  const [width, height, type] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[9]!];
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const bpp = type === 3 ? 1 : 4;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * bpp + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const at = y * (width * bpp + 1) + 1 + x * bpp;
      const px = (y * width + x) * 4;
      if (type === 6) rgba.set(raw.subarray(at, at + 4), px);
      else {
        const i = raw[at]!;
        rgba.set(chunks.get('PLTE')![0]!.subarray(i * 3, i * 3 + 3), px);
        rgba[px + 3] = chunks.get('tRNS')![0]![i]!;
      }
    }
  }
  return { width, height, rgba };
}

test('a palette PNG holds exactly the drawn pixels (few colours: one byte a pixel), and many colours stay RGBA', () => {
  const [w, h] = [40, 3];
  const few = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (i >> 6) * 9));
  const many = new Uint8Array(w * h * 4 * 4).map((_, i) => [(i >> 2) & 255, i >> 10, 7, 200][i % 4]!); // 480 colours
  expect(encodePng(w, h, few)[25]).toBe(3);
  expect(decode(encodePng(w, h, few)).rgba).toEqual(few);
  expect(encodePng(w * 4, h, many)[25]).toBe(6);
  expect(decode(encodePng(w * 4, h, many)).rgba).toEqual(many);
  for (const p of pictures) {
    const back = decode(p.png);
    expect(back.rgba.length).toBe(back.width * back.height * 4);
    expect(p.png[25]).toBe(3);
  }
});
