// The 操作日志 shows people Chinese words, never an action's code name (docs/administration.md).
import { FUNCTIONS } from './index';
import { auditActionLabel } from './audit-labels';

const CODE_NAME = /[a-z]+[.:][a-zA-Z]+/;

test('every action of the staff functions reads as Chinese when a refused attempt is logged', () => {
  const staffOnly = ['admin', 'stats', 'reports', 'workbench'] as const;
  for (const fn of staffOnly) {
    for (const action of Object.keys(FUNCTIONS[fn].actions)) {
      expect([`${fn}.${action}`, auditActionLabel(`denied:${fn}.${action}`)]).toEqual([`${fn}.${action}`, expect.not.stringMatching(CODE_NAME)]);
    }
  }
});

test('exports and filing transitions have their own words', () => {
  for (const action of ['export:quarterly', 'export:roster', 'filing:submitted', 'filing:takeover', 'community:rename']) {
    expect(auditActionLabel(action)).not.toMatch(CODE_NAME);
  }
  expect(auditActionLabel('denied:events.create')).toBe('越权操作被拒绝：发起活动');
});
