import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TFunctionName } from '../../types';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';

/** Reads the action × role table from docs/access.md: the doc is the spec, this test holds the code to it. */
const PEOPLE: Record<string, string | null> = {
  owner: 'demo-leader',
  'other leader': 'other-leader',
  resident: 'demo-resident',
  'social worker': 'demo-social-worker',
  'other social worker': 'sw-youyi',
  'street admin': 'demo-admin',
  anonymous: null,
};

function readTable() {
  const lines = readFileSync(path.join(__dirname, '../../docs/access.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|---'));
  const split = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const [header, ...rows] = lines.map(split);
  const roles = header!.slice(2);
  return rows.flatMap((row) =>
    roles.map((role, i) => ({ action: row[0]!, on: row[1]!, role, expected: row[i + 2]! })),
  );
}

/** Sets up the object a row is about (as its owner) and returns the event to send. */
async function prepare(app: TTestApp, action: string, on: string): Promise<Record<string, unknown>> {
  const draft = async () =>
    (await app.ok('demo-leader', 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() })).filing.id;
  const submitted = async () => {
    const filingId = await draft();
    await app.ok('demo-leader', 'filings', 'submit', { filingId });
    return filingId;
  };
  switch (`${action} @ ${on}`) {
    case 'filings.saveDraft @ own draft':
      return { filingId: await draft(), fields: { memberCount: 16 } };
    case 'filings.submit @ draft':
    case 'filings.get @ draft':
      return { filingId: await draft() };
    case 'filings.get @ submitted':
    case 'filings.withdraw @ submitted':
      return { filingId: await submitted() };
    case 'filings.decide @ submitted':
      return { filingId: await submitted(), decision: 'return', comment: '请补充花名册' };
    case 'groups.directory @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'groups.detail @ filed group':
      return { groupId: 'g_seed_laonian' };
    case 'account.setCommunity @ 塔谈社区':
      return { communityId: 'c-tatan' };
    default:
      if (on === '—') return {};
      throw new Error(`docs/access.md has a row this test cannot set up: ${action} on ${on}`);
  }
}

const cells = readTable();

test('the table covers every action of every function', () => {
  const { FUNCTIONS } = jest.requireActual('../../types') as typeof import('../../types');
  const documented = new Set(cells.map((c) => c.action));
  for (const [fn, spec] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(spec.actions)) expect(documented).toContain(`${fn}.${action}`);
  }
  expect(new Set(cells.map((c) => c.role))).toEqual(new Set(Object.keys(PEOPLE)));
});

describe.each(cells.map((c) => [c.action, c.on, c.role, c.expected, c] as const))(
  '%s on %s as %s',
  (_action, _on, _role, expected, cell) => {
    let app: TTestApp;
    beforeEach(async () => {
      app = await createTestApp();
    });
    afterEach(() => app.close());

    test(`→ ${expected}`, async () => {
      const [fn, action] = cell.action.split('.') as [TFunctionName, string];
      const input = await prepare(app, cell.action, cell.on);
      const result = await app.raw(fn, { action, ...input }, PEOPLE[cell.role] ?? null);
      expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    });
  },
);
