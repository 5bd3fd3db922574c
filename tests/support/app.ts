import type { TActionInput, TActionName, TActionOutput } from '../../types/define';
import type { TEnvelope } from '../../types/envelope';
import type { TFunctionName, TFunctions } from '../../types';
import { C, type TUserDoc } from '../../cloudfunctions/core/collections';
import type { TContentCheck, TPorts } from '../../cloudfunctions/core/context';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { seedDemoData } from '../../scripts/seed/seed';
import { seededStaff } from '../../scripts/seed/demo-data';

/** A controllable clock: tests move time on purpose, never wait for it. */
export function fixedClock(start = Date.UTC(2026, 10, 28, 2, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Extra people the demo data lacks, so every cell of the access table has someone to play it. */
export const EXTRA_USERS: Array<Omit<TUserDoc, 'createdAt' | 'updatedAt' | 'version'>> = [
  { _id: 'other-leader', displayName: '周明', roles: [], communityId: 'c-tatan' },
  { _id: 'sw-youyi', displayName: '吴静', ...seededStaff('community', 'c-youyi', ['c-youyi', 's-zhentou', 'd-qiaoxi']), communityId: 'c-youyi' },
  // An officer of 振头街道, the other street: 塔谈社区 and 北焦社区 are outside their scope.
  { _id: 'officer-zhentou', displayName: '郑伟', ...seededStaff('street', 's-zhentou', ['s-zhentou', 'd-qiaoxi']), communityId: null },
];

export interface TTestApp {
  store: TStore;
  clock: ReturnType<typeof fixedClock>;
  /** Calls a function's handler in-process exactly as the gateway and the cloud entry do. */
  raw(fn: TFunctionName, event: unknown, openid: string | null): Promise<TEnvelope<unknown>>;
  call<F extends TFunctionName, A extends TActionName<TFunctions[F]>>(
    as: string | null,
    fn: F,
    action: A,
    input: TActionInput<TFunctions[F], A>,
  ): Promise<TEnvelope<TActionOutput<TFunctions[F], A>>>;
  /** Like call, but fails the test unless the answer is ok, and returns the data. */
  ok<F extends TFunctionName, A extends TActionName<TFunctions[F]>>(
    as: string | null,
    fn: F,
    action: A,
    input: TActionInput<TFunctions[F], A>,
  ): Promise<TActionOutput<TFunctions[F], A>>;
  close(): Promise<void>;
}

/**
 * The demo seed plus EXTRA_USERS at the fixed clock, made once per test file (module) and copied for every app:
 * seeding the demo's year writes a few thousand documents, copying the bytes takes a millisecond.
 */
let image: Promise<Buffer> | undefined;
export function seededImage(): Promise<Buffer> {
  image ??= (async () => {
    const clock = fixedClock();
    const store = createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now });
    await seedDemoData(store, clock.now());
    for (const user of EXTRA_USERS) await store.collection(C.users).insert(user);
    const bytes = await store.serialize();
    await store.close();
    return bytes;
  })();
  return image;
}

/** Every document of the seeded image as stored (meta fields included), to load another backend (the CloudBase fake). */
export async function seededDocuments(): Promise<Array<{ collection: string; doc: Record<string, unknown> & { _id: string } }>> {
  const store = createSqliteStore({ file: ':memory:', indexes: INDEXES, image: await seededImage() });
  const out: Array<{ collection: string; doc: Record<string, unknown> & { _id: string } }> = [];
  for (const collection of Object.values(C)) {
    let cursor: string | undefined;
    do {
      const page = await store.collection(collection).find({ limit: 100, cursor });
      out.push(...page.items.map((doc) => ({ collection, doc })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  await store.close();
  return out;
}

export async function createTestApp(options: { seed?: boolean; contentCheck?: TContentCheck; ports?: Partial<TPorts> } = {}): Promise<TTestApp> {
  const clock = fixedClock();
  const store = options.seed ?? true
    ? createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now, image: await seededImage() })
    : createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now });
  const ports = localPorts(store, { clock, ...(options.contentCheck ? { contentCheck: options.contentCheck } : {}), ...options.ports });

  const raw: TTestApp['raw'] = (fn, event, openid) => HANDLERS[fn](event, { ...ports, caller: openid ? { openid } : null });
  const call: TTestApp['call'] = (as, fn, action, input) =>
    raw(fn, { action, ...(input as object) }, as) as never;
  const ok: TTestApp['ok'] = async (as, fn, action, input) => {
    const result = await call(as, fn, action, input);
    if (!result.ok) throw new Error(`${fn}.${String(action)} as ${as} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  return { store, clock, raw, call, ok, close: () => store.close() };
}
