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

/** The image formats a photo may be (sniffed from its bytes, never from a name or a header). */
export type TImageType = 'jpg' | 'png' | 'webp' | 'gif';

/**
 * Files (activity photos): a folder served by the local gateway, CloudBase cloud storage in production (the mini
 * program uploads there itself with Taro.cloud.uploadFile and sends the fileID). Ids are `local/<name>.<ext>`
 * locally and `cloud://…` in production; each store answers null for ids it does not hold, the other kind included.
 */
export interface TFileStore {
  /** Stores bytes and returns the new file's id (the local upload route; production uploads from the client). */
  put(bytes: Buffer, type: TImageType): Promise<string>;
  /** The stored bytes, or null if this store has no such file. */
  read(fileId: string): Promise<Buffer | null>;
  /** Whether the platform's image check lets others see it (WeChat imgSecCheck in production; locally always). */
  imageAllowed(bytes: Buffer, type: TImageType, openid: string): Promise<boolean>;
  /** Displayable URLs, in the order asked (relative `/files/local/…` locally; temporary URLs in production). */
  urlsFor(fileIds: string[]): Promise<string[]>;
  /** Best effort: a file that is already gone is not an error. */
  remove(fileIds: string[]): Promise<void>;
  /**
   * Stores a generated report (.xlsx, docs/reports.md) under an unguessable name and answers its id and a link
   * that works until `expiresAt` (a local file the gateway serves for a few minutes; a CloudBase temporary URL).
   */
  putReport(bytes: Buffer, fileName: string, now: number): Promise<TStoredReport>;
}

export interface TStoredReport {
  fileId: string;
  url: string;
  expiresAt: number;
}

/**
 * The caller's phone number as the platform vouches for it: WeChat exchanges the one-time code from a
 * `getPhoneNumber` button (production); the local gateway answers a fixed table of demo users.
 */
export interface TPhoneVerifier {
  /** The caller's verified mobile (11 digits), or null when the code gives none. */
  mobileFor(code: string, openid: string): Promise<string | null>;
}

export interface TPorts {
  store: TStore;
  files: TFileStore;
  clock: TClock;
  ids: TIds;
  contentCheck: TContentCheck;
  notifier: TNotifier;
  phones: TPhoneVerifier;
}

export interface TContext extends TPorts {
  /** Null when the platform gave no identity; actions that need one answer UNAUTHENTICATED. */
  caller: TCaller | null;
  /** `<function>.<action>` being run, set by the dispatcher: a refused cross-scope attempt is logged under it. */
  action?: string;
}
