import { formatNoticeTime, NOTICE_KIND_LIST, NOTICE_KINDS, templateValue, toTemplateData, valueTypeOf } from './notices';

describe("WeChat's value rules per key type", () => {
  test('thing: at most 20 characters, cut with 「…」; blanks become 无', () => {
    expect(templateValue('thing', '老年协会')).toBe('老年协会');
    const long = templateValue('thing', '一二三四五六七八九十'.repeat(3));
    expect([...long]).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(templateValue('thing', '  ')).toBe('无');
  });

  test('phrase: Chinese only, at most 5 characters', () => {
    expect(templateValue('phrase', '退回修改')).toBe('退回修改');
    expect(templateValue('phrase', '已通过 OK!')).toBe('已通过');
    expect(templateValue('phrase', '一二三四五六七')).toBe('一二三四五');
  });

  test('name: at most 10 characters', () => {
    expect([...templateValue('name', '欧阳'.repeat(8))]).toHaveLength(10);
  });

  test('time and date: China time, whatever the zone the function runs in', () => {
    const at = Date.UTC(2026, 11, 31, 16, 5); // 2027-01-01 00:05 in China
    expect(formatNoticeTime(at)).toBe('2027年1月1日 00:05');
    expect(templateValue('time', at)).toBe('2027年1月1日 00:05');
    expect(templateValue('date', at)).toBe('2027年1月1日');
  });

  test('an unknown key type is a programming error', () => {
    expect(valueTypeOf('thing12')).toBe('thing');
    expect(() => valueTypeOf('colour1')).toThrow(TypeError);
  });
});

test('every kind maps only known key types to fields, and its variables follow the naming rule', () => {
  for (const kind of NOTICE_KIND_LIST) {
    const spec = NOTICE_KINDS[kind];
    for (const key of Object.keys(spec.keys)) expect(() => valueTypeOf(key)).not.toThrow();
    expect(spec.templateEnv).toBe(`NOTICE_TEMPLATE_${kind.toUpperCase()}`);
    expect(spec.clientEnv).toBe(`NOTICE_TMPL_${kind.toUpperCase()}`);
  }
});

test('a join request fills the leader’s template', () => {
  expect(toTemplateData('join_requested', { groupName: '塔谈社区老年协会', applicant: '李秀英', at: Date.UTC(2026, 10, 29, 1, 0) })).toEqual({
    thing1: { value: '塔谈社区老年协会' },
    name2: { value: '李秀英' },
    time3: { value: '2026年11月29日 09:00' },
  });
});
