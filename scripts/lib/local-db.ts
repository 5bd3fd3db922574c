import path from 'node:path';
import { ROOT } from './h5-build';

/** Where `npm start` keeps its data between runs; LOCAL_DB overrides it. */
export const LOCAL_DB = process.env.LOCAL_DB ?? path.join(ROOT, '.data/local.db');
