/**
 * Every notice the app sends, in one place: what it is called, which cloud function sends it, which fields it
 * carries and how those fields fill the WeChat subscribe-message template chosen for it in the console.
 *
 * A subscribe message is only delivered when (1) the function has the template id in its environment
 * (`NOTICE_TEMPLATE_<KIND>`, set in the CloudBase console), (2) the client asked the person for consent to that
 * template (`Taro.requestSubscribeMessage`, from a tap; one consent = one message) and (3) the template's data keys
 * match `keys` below. docs/notices.md lists the templates to pick and the variables to set.
 *
 * No zod here: the client bundles this file (the consent helper reads the kinds).
 */

/** WeChat's value types for template keys (the letters before the number: `thing1`, `phrase2`, `time3`). */
export type TTemplateValueType = 'thing' | 'phrase' | 'name' | 'time' | 'date' | 'character_string' | 'number';

/** What each kind of notice carries. `at` is milliseconds since the epoch; it is shown in China time. */
export interface TNoticeFields {
  filing_decided: { groupName: string; result: string; comment: string; at: number };
  join_requested: { groupName: string; applicant: string; at: number };
  join_decided: { groupName: string; result: string; note: string; at: number };
  /** An event's time or place changed: everyone registered or waitlisted. `change` says what, in words. */
  event_changed: { eventTitle: string; startAt: number; place: string; change: string };
  /** An event (one date, or the rest of its series) was cancelled: everyone registered or waitlisted. */
  event_cancelled: { eventTitle: string; startAt: number; reason: string };
  /** A place freed up and the first waitlisted person now has it. */
  event_promoted: { eventTitle: string; startAt: number; place: string; result: string };
  /** Once per registered person before the start (the timer-only jobs function; when: core/jobs/reminders.ts). */
  event_reminder: { eventTitle: string; startAt: number; place: string };
  /** A course opened for a need: everyone who said 我也想 (the poster included). */
  course_opened: { courseTitle: string; startAt: number; place: string };
  /** A new hobby circle grown from a need: its supporters are invited to join. */
  circle_invited: { circleName: string; contactName: string; at: number };
}

export type TNoticeKind = keyof TNoticeFields;

/** The cloud functions that send notices (a subset of the function names in types/index.ts). */
export type TNoticeSender = 'filings' | 'groups' | 'manage' | 'events' | 'jobs' | 'incubation';

export interface TNoticeKindSpec<K extends TNoticeKind> {
  /** Chinese name of the notice (outbox, dev panel, docs). */
  title: string;
  /** The cloud function that sends it, and so needs `templateEnv` in its environment. */
  sentBy: TNoticeSender;
  /** Environment variable of `sentBy` holding the template id. */
  templateEnv: `NOTICE_TEMPLATE_${Uppercase<K>}`;
  /** Build-time variable (config/ → defineConstants) giving the client the same template id for consent. */
  clientEnv: `NOTICE_TMPL_${Uppercase<K>}`;
  /** Who is asked for consent, and when (docs). */
  consentAt: string;
  /** Template data key → field of the notice. The key's letters say which WeChat value rules apply. */
  keys: Record<string, keyof TNoticeFields[K]>;
}

export const NOTICE_KINDS: { [K in TNoticeKind]: TNoticeKindSpec<K> } = {
  filing_decided: {
    title: '报备审核结果',
    sentBy: 'filings',
    templateEnv: 'NOTICE_TEMPLATE_FILING_DECIDED',
    clientEnv: 'NOTICE_TMPL_FILING_DECIDED',
    consentAt: '提交报备（成立、变更、注销）时，提交人',
    keys: { thing1: 'groupName', phrase2: 'result', thing3: 'comment', time4: 'at' },
  },
  join_requested: {
    title: '新的入会申请',
    sentBy: 'groups',
    templateEnv: 'NOTICE_TEMPLATE_JOIN_REQUESTED',
    clientEnv: 'NOTICE_TMPL_JOIN_REQUESTED',
    consentAt: '负责人审核入会申请（同意或拒绝）时，为下一份申请订阅',
    keys: { thing1: 'groupName', name2: 'applicant', time3: 'at' },
  },
  join_decided: {
    title: '入会申请结果',
    sentBy: 'manage',
    templateEnv: 'NOTICE_TEMPLATE_JOIN_DECIDED',
    clientEnv: 'NOTICE_TMPL_JOIN_DECIDED',
    consentAt: '申请加入组织时，申请人',
    keys: { thing1: 'groupName', phrase2: 'result', thing3: 'note', time4: 'at' },
  },
  event_changed: {
    title: '活动变更提醒',
    sentBy: 'events',
    templateEnv: 'NOTICE_TEMPLATE_EVENT_CHANGED',
    clientEnv: 'NOTICE_TMPL_EVENT_CHANGED',
    consentAt: '报名活动时，报名人（与取消、候补转正一并征得同意）',
    keys: { thing1: 'eventTitle', time2: 'startAt', thing3: 'place', thing4: 'change' },
  },
  event_cancelled: {
    title: '活动取消通知',
    sentBy: 'events',
    templateEnv: 'NOTICE_TEMPLATE_EVENT_CANCELLED',
    clientEnv: 'NOTICE_TMPL_EVENT_CANCELLED',
    consentAt: '报名活动时，报名人',
    keys: { thing1: 'eventTitle', time2: 'startAt', thing3: 'reason' },
  },
  event_promoted: {
    title: '候补成功通知',
    sentBy: 'events',
    templateEnv: 'NOTICE_TEMPLATE_EVENT_PROMOTED',
    clientEnv: 'NOTICE_TMPL_EVENT_PROMOTED',
    consentAt: '报名活动时，进入候补的报名人',
    keys: { thing1: 'eventTitle', time2: 'startAt', thing3: 'place', phrase4: 'result' },
  },
  event_reminder: {
    title: '活动开始提醒',
    sentBy: 'jobs',
    templateEnv: 'NOTICE_TEMPLATE_EVENT_REMINDER',
    clientEnv: 'NOTICE_TMPL_EVENT_REMINDER',
    consentAt: '报名活动时，报名人（开始前提醒一次）',
    keys: { thing1: 'eventTitle', time2: 'startAt', thing3: 'place' },
  },
  course_opened: {
    title: '课程开课通知',
    sentBy: 'incubation',
    templateEnv: 'NOTICE_TEMPLATE_COURSE_OPENED',
    clientEnv: 'NOTICE_TMPL_COURSE_OPENED',
    consentAt: '发布需求或点「我也想」时，居民',
    keys: { thing1: 'courseTitle', time2: 'startAt', thing3: 'place' },
  },
  circle_invited: {
    title: '兴趣小组邀请',
    sentBy: 'incubation',
    templateEnv: 'NOTICE_TEMPLATE_CIRCLE_INVITED',
    clientEnv: 'NOTICE_TMPL_CIRCLE_INVITED',
    consentAt: '发布需求或点「我也想」时，居民',
    keys: { thing1: 'circleName', name2: 'contactName', time3: 'at' },
  },
};

export const NOTICE_KIND_LIST = Object.keys(NOTICE_KINDS) as TNoticeKind[];

/**
 * WeChat's limits per value type (characters). `thing` ≤ 20, `phrase` ≤ 5 (Chinese only), `name` ≤ 10,
 * `character_string` / `number` ≤ 32; `time` and `date` must be dates in WeChat's formats.
 */
export const TEMPLATE_VALUE_LIMITS: Record<TTemplateValueType, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  time: 24,
  date: 24,
  character_string: 32,
  number: 32,
};

/** An empty value is refused by WeChat (argument invalid), so blanks get this. */
const BLANK = '无';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time

export function valueTypeOf(key: string): TTemplateValueType {
  const type = key.replace(/\d+$/, '');
  if (type in TEMPLATE_VALUE_LIMITS) return type as TTemplateValueType;
  throw new TypeError(`template key ${key} has an unknown value type`);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026年11月29日 16:42`, China time, whatever the function's own time zone (UTC in the cloud). */
export function formatNoticeTime(ms: number, withTime = true): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** Cuts to `max` characters (code points, so a Chinese character or an emoji counts once), marking the cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** One value made to fit its key's rules. */
export function templateValue(type: TTemplateValueType, value: string | number): string {
  if (type === 'time' || type === 'date') {
    return typeof value === 'number' ? formatNoticeTime(value, type === 'time') : clip(String(value), TEMPLATE_VALUE_LIMITS[type]);
  }
  let text = String(value).replace(/\s+/g, ' ').trim();
  if (type === 'phrase') text = [...text.replace(/[^\u4e00-\u9fff]/g, '')].slice(0, TEMPLATE_VALUE_LIMITS.phrase).join('');
  else if (type === 'number') text = text.replace(/[^\d.]/g, '').slice(0, TEMPLATE_VALUE_LIMITS.number);
  else if (type === 'character_string') text = text.replace(/[^\x21-\x7e]/g, '').slice(0, TEMPLATE_VALUE_LIMITS.character_string);
  else text = clip(text, TEMPLATE_VALUE_LIMITS[type]);
  return text || BLANK;
}

/** The `data` of `subscribeMessage.send` for one notice: `{ thing1: { value: '塔谈社区老年协会' }, … }`. */
export function toTemplateData<K extends TNoticeKind>(kind: K, fields: TNoticeFields[K]): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, field] of Object.entries(NOTICE_KINDS[kind].keys) as [string, keyof TNoticeFields[K]][]) {
    const value = fields[field] as unknown;
    data[key] = { value: templateValue(valueTypeOf(key), typeof value === 'number' ? value : String(value ?? '')) };
  }
  return data;
}

/** One notice the local gateway stored instead of sending, as `GET /dev/outbox` answers it to the dev panel. */
export interface TOutboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  page: string;
  data: Record<string, unknown>;
  at: number;
}
