/**
 * `npm run setup:cloud -- --org <file> [--dry-run]`: makes a CloudBase environment ready for the functions.
 * Creates every collection and index, sets every collection to ADMINONLY, and upserts the communities and
 * staff of the org file (see scripts/setup/seed-org.example.json). Idempotent: a rerun changes nothing.
 * Credentials come from TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY; `--dry-run` needs none.
 */
import path from 'node:path';
import { OrgFileError } from './setup/org-file';
import { formatPlan, planSetup } from './setup/plan';

function usage(): never {
  console.error('用法 / usage: npm run setup:cloud -- --org <org.json|org.csv> [--dry-run]');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const dryRun = argv.includes('--dry-run');
  const orgAt = argv.indexOf('--org');
  const org = orgAt >= 0 ? argv[orgAt + 1] : undefined;
  const unknown = argv.filter((a, i) => a !== '--dry-run' && a !== '--org' && i !== orgAt + 1);
  if (!org || unknown.length) usage();

  const plan = planSetup(path.resolve(org));
  console.log(formatPlan(plan));
  if (dryRun) {
    console.log('\n--dry-run: 未连接任何环境 / nothing was sent');
    return;
  }
  // The example file's openids are placeholders: refuse to write them into a real environment.
  const placeholders = plan.documents.filter((d) => d._id.startsWith('REPLACE'));
  if (placeholders.length) {
    console.error(`\n请把示例 openid 换成工作人员的真实 openid / replace the example openids: ${placeholders.map((d) => d._id).join(', ')}`);
    process.exit(1);
  }
  // Imported here so a dry run never loads manager-node or touches the network.
  const { cloudbaseTarget, missingCredentials } = await import('./setup/cloudbase-target');
  const missing = missingCredentials(process.env);
  if (missing.length) {
    console.error(`\n缺少环境变量 ${missing.join('、')}：设置后再运行，或加 --dry-run 只看计划 / set ${missing.join(', ')} (or use --dry-run)`);
    process.exit(1);
  }
  const { applyPlan, unlistedStaff } = await import('./setup/apply');
  const target = await cloudbaseTarget(process.env);
  console.log(`\n环境 env ${target.envId}:`);
  const steps = await applyPlan(plan, target, (s) => {
    if (s.result !== 'unchanged') console.log(`  ${s.result.padEnd(9)} ${s.kind} ${s.name}`);
  });
  const unlisted = await unlistedStaff(plan, target.store);
  if (unlisted.length) {
    console.warn(`注意：这些工作人员不在组织文件里，角色未改动，如已离职请手动移除 / staff not in the org file, left as they are: ${unlisted.join(', ')}`);
  }
  const changed = steps.filter((s) => s.result !== 'unchanged').length;
  console.log(changed ? `完成 / done: ${changed} change(s), ${steps.length - changed} already in place` : '已是最新 / already up to date: nothing changed');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof OrgFileError ? err.message : err);
  process.exit(1);
});
