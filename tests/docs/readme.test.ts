import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEXES } from '../../cloudfunctions/core/indexes';

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

test('the README lists every index the queries rely on, with its fields in order', () => {
  const arrow = (d: string) => (d === 'asc' ? '↑' : '↓');
  for (const index of INDEXES) {
    const fields = index.fields.map(([f, d]) => `${f} ${arrow(d)}`).join(', ');
    expect(readme).toContain(`| ${index.collection} | ${index.name} | ${fields} |`);
  }
});

test('.ci/run runs exactly the README’s test command after installing', () => {
  const ci = readFileSync(path.join(__dirname, '../../.ci/run'), 'utf8');
  expect(readme).toContain('```bash\nnpm test\n```');
  expect(ci.trim().split('\n').slice(-2)).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
});
