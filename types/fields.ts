import { z } from 'zod';
import { MOBILE_DIGITS } from './form-limits';

/**
 * Field builders with plain-Chinese messages that say what to do, so every form error reads the same way.
 * Text is trimmed before its length is checked: "   " is an empty answer, not a three-character one.
 */
export function zText(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少需要${min}个字`)
    .max(max, `${label}最多${max}个字，请精简一些`);
}

export function zOptionalText(label: string, max: number) {
  return z.string({ error: `${label}格式不正确` }).trim().max(max, `${label}最多${max}个字，请精简一些`);
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = new RegExp(`^1[3-9]\\d{${MOBILE_DIGITS - 2}}$`);

export function zMobile(label = '手机号') {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(MOBILE_PATTERN, `请填写${MOBILE_DIGITS}位${label}，例如 13812345678`);
}

export function zCount(label: string, min: number, max: number) {
  return z
    .number({ error: `请填写${label}（数字）` })
    .int(`${label}请填写整数`)
    .min(min, `${label}不能少于${min}`)
    .max(max, `${label}不能超过${max}`);
}

/** Ids are opaque strings the server minted; bound them so nobody can send a megabyte "id". */
export function zId(label = '编号') {
  return z.string({ error: `缺少${label}` }).min(1, `缺少${label}`).max(64, `${label}格式不正确`);
}

/** Opaque pagination cursor handed out by a previous page. */
export const zCursor = z.string().max(512, '分页参数不正确').optional();

/** Client-minted key that makes a create idempotent: the same key twice creates one thing. */
export const zRequestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');
