// cloudbaserc.json is deployed as written: the CLI replaces a function's console configuration with its
// `envVariables` on every deploy, so an empty value there silently wipes a template id set in the console.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NOTICE_KIND_LIST, NOTICE_KINDS } from '../../types/notices';

interface TRcFunction {
  name: string;
  envVariables?: Record<string, unknown>;
}
const rc = JSON.parse(readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8')) as { functions: TRcFunction[] };
const notices = readFileSync(path.join(__dirname, '../../docs/notices.md'), 'utf8');

test('no function ships an envVariables block that is empty or has an empty value', () => {
  const problems: string[] = [];
  for (const fn of rc.functions) {
    if (!('envVariables' in fn)) continue;
    const vars = fn.envVariables ?? {};
    if (typeof vars !== 'object' || Object.keys(vars).length === 0) problems.push(`${fn.name}: envVariables {}`);
    for (const [key, value] of Object.entries(vars)) {
      if (value === null || value === undefined || String(value).trim() === '') problems.push(`${fn.name}: ${key} is empty`);
    }
  }
  expect(problems).toEqual([]);
});

test('every function that sends a notice is deployed, and docs/notices.md names its variable on it', () => {
  const names = rc.functions.map((f) => f.name);
  for (const kind of NOTICE_KIND_LIST) {
    const spec = NOTICE_KINDS[kind];
    expect(names).toContain(spec.sentBy);
    expect(notices).toContain(`| \`${spec.sentBy}\` | \`${spec.templateEnv}\` |`);
    expect(notices).toContain(`\`${spec.clientEnv}\``);
  }
});
