import type { TNoticeFields, TNoticeKind } from '../../types/notices';
import type { TStore } from './storage/port';

/**
 * Everything a use case may touch, passed in explicitly (never read from globals or process.env), so one local
 * process can serve many users and tests can run each role side by side.
 */

/** The caller as the platform vouches for them: CloudBase's OPENID, or the local gateway's dev identity. */
export interface TCaller {
  openid: string;
}

export interface TClock {
  now(): number;
}

export interface TIds {
  /** A fresh random id with a readable prefix (`f_…` for filings). */
  next(prefix: string): string;
}

export type TContentScene = 'profile' | 'comment' | 'forum' | 'social';

/** WeChat msgSecCheck in production, a word list locally. */
export interface TContentCheck {
  /** Resolves true when the text may be shown to others. */
  isAllowed(text: string, scene: TContentScene, openid: string): Promise<boolean>;
}

/**
 * One notice: `data` holds the structured fields of its kind (types/notices.ts), which fill the WeChat template;
 * `title` and `body` are the readable sentence kept in the local outbox (and the dev panel).
 */
export type TNotice = {
  [K in TNoticeKind]: { to: string; kind: K; title: string; body: string; page: string; data: TNoticeFields[K] };
}[TNoticeKind];

/** Subscribe messages in production, an outbox collection locally. Never fails the action that triggered it. */
export interface TNotifier {
  send(notice: TNotice): Promise<void>;
}

export interface TPorts {
  store: TStore;
  clock: TClock;
  ids: TIds;
  contentCheck: TContentCheck;
  notifier: TNotifier;
}

export interface TContext extends TPorts {
  /** Null when the platform gave no identity; actions that need one answer UNAUTHENTICATED. */
  caller: TCaller | null;
}
