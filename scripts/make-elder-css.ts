// Regenerates src/elder-sizes.css and src/package-*/elder-sizes.css (长辈模式 size floors) from the app's stylesheets. Run after changing any CSS
// under src/; tests/config/elder-css.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildElderCss, elderCssTargets } from './lib/elder-css';

const root = path.resolve(__dirname, '..');
for (const target of elderCssTargets(root)) {
  writeFileSync(path.join(root, target.file), buildElderCss(root, target.sources));
  console.log(`wrote ${target.file}`);
}
