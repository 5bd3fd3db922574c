// The release gate as a test: one production weapp build, WeChat's offline compiler and quality checks,
// the package budgets and the absence of the H5-only dev panel. Slow (a build plus a compile): ~1–3 min.
import { checkWeapp, formatTable, MAIN_BUDGET, SUBPACKAGE_BUDGET, type TCheckWeappResult } from '../../scripts/check-weapp';

jest.setTimeout(10 * 60 * 1000);

let result: TCheckWeappResult;

beforeAll(async () => {
  result = await checkWeapp({ build: process.env.CHECK_WEAPP_NO_BUILD !== '1', log: () => undefined });
});

test('every item passes (build, compile, each quality item, budgets, no dev panel)', () => {
  const failed = result.items.filter((i) => !i.pass);
  expect(failed.length === 0 ? '' : formatTable(result)).toBe('');
  expect(result.ok).toBe(true);
});

test('WeChat reports quality items and they all pass', () => {
  const quality = result.items.filter((i) => i.name.startsWith('quality: '));
  expect(quality.map((i) => i.name)).toEqual(
    expect.arrayContaining(['quality: PACKAGE_SIZE_LIMIT', 'quality: JS_COMPRESS_OPEN', 'quality: LAZYCODE_LOADING_OPEN']),
  );
  expect(quality.filter((i) => !i.pass)).toEqual([]);
});

test('main package ≤ 400 KiB and every subpackage ≤ 1 MiB', () => {
  expect(result.sizes.main).toBeGreaterThan(0);
  expect(result.sizes.main).toBeLessThanOrEqual(MAIN_BUDGET);
  const subs = Object.entries(result.sizes.subpackages);
  expect(subs.map(([root]) => root)).toEqual(expect.arrayContaining(['package-filing', 'package-group', 'package-review']));
  for (const [, size] of subs) expect(size).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
});

test('the dev panel is not in the weapp build', () => {
  const item = result.items.find((i) => i.name.includes('开发者面板'));
  expect(item?.pass).toBe(true);
});
