import { C, type TOutboxDoc } from '../collections';
import type { TContentCheck, TNotifier, TPorts } from '../context';
import type { TStore } from '../storage/port';
import { squeezeForWordList } from '../text-normalize';
import { localFileStore } from '../files/local-files';
import { randomIds, systemClock } from './basic-ports';
import { devPhoneTable } from './phones';

/**
 * Stand-ins for WeChat's content check: a small word list, enough to exercise CONTENT_REJECTED locally.
 * Production uses msgSecCheck (platform/wechat-ports.ts).
 */
const BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '法轮'];

export const wordListContentCheck: TContentCheck = {
  // Spaces and punctuation between the characters of a word do not hide it from the list.
  isAllowed: async (text) => {
    const squeezed = squeezeForWordList(text);
    return !BLOCKED_WORDS.some((word) => squeezed.includes(word));
  },
};

/** Writes notices to an outbox collection so a developer (or a test) can read what would have been sent. */
export function outboxNotifier(store: TStore, ids = randomIds): TNotifier {
  return {
    async send(notice) {
      try {
        await store.collection<TOutboxDoc>(C.outbox).insert({ _id: ids.next('n'), ...notice });
      } catch (error) {
        console.error('[outbox] notice not stored', error); // a notice never fails the action that caused it
      }
    },
  };
}

export function localPorts(store: TStore, overrides: Partial<TPorts> = {}): TPorts {
  return {
    store,
    // A temp folder unless the caller names one (the gateway: `.data/files/` next to the database).
    files: localFileStore(),
    clock: systemClock,
    ids: randomIds,
    contentCheck: wordListContentCheck,
    notifier: outboxNotifier(store),
    phones: devPhoneTable(),
    ...overrides,
  };
}
