// Regenerates src/elder-sizes.css (长辈模式 size floors) from the app's stylesheets. Run after changing any CSS
// under src/; tests/config/elder-css.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildElderCss, ELDER_CSS_FILE } from './lib/elder-css';

const root = path.resolve(__dirname, '..');
writeFileSync(path.join(root, ELDER_CSS_FILE), buildElderCss(root));
console.log(`wrote ${ELDER_CSS_FILE}`);
