// 长辈模式's size floors are generated from the app's stylesheets (scripts/lib/elder-css.ts); a stylesheet changed
// without regenerating would leave its new small text small in 长辈模式.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildElderCss, ELDER_CSS_FILE } from '../../scripts/lib/elder-css';

const ROOT = path.resolve(__dirname, '..', '..');

test(`${ELDER_CSS_FILE} is what the stylesheets under src/ generate (else: npx tsx scripts/make-elder-css.ts)`, () => {
  expect(readFileSync(path.join(ROOT, ELDER_CSS_FILE), 'utf8')).toBe(buildElderCss(ROOT));
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
