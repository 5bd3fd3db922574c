import type { TErrorCode } from './errors';

/** `fields` maps a form field path (`leaderMobile`, `roster.2.name`) to a Chinese hint saying what to do. */
export interface TErrorBody {
  code: TErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** Every action answers with this envelope, in the cloud and in the local gateway alike. */
export type TEnvelope<T> = { ok: true; data: T } | { ok: false; error: TErrorBody };
