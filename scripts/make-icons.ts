// Draws the app's pictures and writes them as PNG: the tab bar's icons (WeChat's tabBar takes only PNG/JPG files,
// 81×81 recommended, ≤ 40 KB) and the empty-state picture. Reproducible: same code, same bytes.
//   npx tsx scripts/make-icons.ts        (writes src/assets/tab/*.png and src/assets/empty.png)
// The drawings live in scripts/lib/app-pictures.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawAppPictures } from './lib/app-pictures';

const ASSETS_DIR = path.resolve(__dirname, '..', 'src', 'assets');

for (const p of drawAppPictures()) {
  const file = path.join(ASSETS_DIR, p.file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, p.png);
  process.stdout.write(`src/assets/${p.file}  ${p.width}×${p.height}  ${p.png.length} bytes\n`);
}
