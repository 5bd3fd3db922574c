import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { INDEXES } from '../cloudfunctions/core/indexes';
import { createSqliteStore } from '../cloudfunctions/core/storage/sqlite';
import { LOCAL_DB } from './lib/local-db';
import { seedDemoData } from './seed/seed';

/** `npm run reset`: throw the local database (and its uploaded photos) away and write the demo data again. */
async function main() {
  for (const suffix of ['', '-wal', '-shm']) rmSync(LOCAL_DB + suffix, { force: true });
  // Uploaded photos belong to records in the database just thrown away (the gateway keeps them in files/ beside it).
  rmSync(path.join(path.dirname(LOCAL_DB), 'files'), { recursive: true, force: true });
  mkdirSync(path.dirname(LOCAL_DB), { recursive: true });
  const store = createSqliteStore({ file: LOCAL_DB, indexes: INDEXES });
  await seedDemoData(store);
  await store.close();
  console.log(`演示数据已重置：${LOCAL_DB}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
