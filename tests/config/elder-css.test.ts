// 长辈模式's size floors are generated from the app's stylesheets (scripts/lib/elder-css.ts); a stylesheet changed
// without regenerating would leave its new small text small in 长辈模式.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildElderCss, ELDER_CSS_FILE, elderCssTargets } from '../../scripts/lib/elder-css';

const ROOT = path.resolve(__dirname, '..', '..');
const TARGETS = elderCssTargets(ROOT);

test.each(TARGETS.map((t) => [t.file, t]))('%s is what its stylesheets generate (else: npx tsx scripts/make-elder-css.ts)', (_file, target) => {
  expect(readFileSync(path.join(ROOT, target.file), 'utf8')).toBe(buildElderCss(ROOT, target.sources));
});

test('the main package carries only its own floors; each subpackage page imports its package’s', () => {
  expect(TARGETS.find((t) => t.file === ELDER_CSS_FILE)!.sources.some((s) => /[\\/]package-/.test(s))).toBe(false);
  expect(readFileSync(path.join(ROOT, 'src', 'app.tsx'), 'utf8')).toContain(`import './${path.basename(ELDER_CSS_FILE)}'`);
  const missing: string[] = [];
  for (const target of TARGETS.filter((t) => t.file !== ELDER_CSS_FILE)) {
    const pagesDir = path.join(ROOT, path.dirname(target.file), 'pages');
    for (const page of existsSync(pagesDir) ? readdirSync(pagesDir) : []) {
      const entry = path.join(pagesDir, page, 'index.tsx');
      if (!readFileSync(entry, 'utf8').includes(`import '../../${path.basename(ELDER_CSS_FILE)}'`)) missing.push(path.relative(ROOT, entry));
    }
  }
  expect(missing).toEqual([]);
});

test('a rule with small text or a short control gets its elder twin; larger text and fixed-height pictures do not', () => {
  const fixture = path.join(ROOT, 'tests', 'config', 'fixtures', 'elder-input.css');
  const css = buildElderCss(ROOT, [fixture]);
  expect(css).toContain('.elder .card .hint {\n  font-size: 40px;\n}');
  expect(css).toContain('.elder .meta {\n  font-size: 36px;\n}');
  expect(css).toContain('.elder .btn {\n  min-height: 112px;\n}');
  expect(css).not.toContain('.title');
  expect(css).not.toContain('.icon');
  expect(css).not.toContain('.elder from');
});
