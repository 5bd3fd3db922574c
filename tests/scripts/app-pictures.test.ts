// The committed pictures are what scripts/make-icons.ts draws (change a drawing, rerun the script, commit both),
// and each fits what WeChat's tabBar accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drawAppPictures } from '../../scripts/lib/app-pictures';

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
