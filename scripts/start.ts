import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startGateway } from './gateway/server';
import { ensureH5Build, H5_DIR } from './lib/h5-build';
import { LOCAL_DB } from './lib/local-db';

/** `npm start`: build what is missing, seed the demo on first run, serve functions and the H5 app side by side. */
const DEFAULT_PORT = 8787;

async function main() {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  await ensureH5Build();
  mkdirSync(path.dirname(LOCAL_DB), { recursive: true });
  // Reminders: the cloud's timer runs them every 10 minutes; locally every minute, so the outbox shows them soon.
  const gateway = await startGateway({ port, dbFile: LOCAL_DB, staticDir: H5_DIR, seed: true, reminderEveryMs: 60_000 });
  console.log(`\n社区云报备 本地环境已启动：${gateway.url}`);
  console.log(`  数据库：${LOCAL_DB}（npm run reset 可重置演示数据）`);
  console.log('  演示用户在页面右下角「开发者面板」切换：居民 / 组长 / 社工 / 管理员');
  console.log('  活动提醒每分钟检查一次；POST /dev/clock {"offsetMs":…} 可拨快演示时钟\n');
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
