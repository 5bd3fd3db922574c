import { MOBILE_DIGITS } from '../../types/form-limits';

/**
 * Over-long input is refused with words, never cut: controls get `maxlength={NO_CUT}` (Taro's default is 140,
 * which silently cuts a long purpose or charter) and the form shows these messages and blocks the submit.
 * The words match the schemas' (types/fields.ts), so the instant error and the server's read the same.
 */
export const NO_CUT = -1;

/** Characters as the schema counts them: trimmed, UTF-16 units (zod's `.max` on a trimmed string). */
export const textLength = (value: string) => value.trim().length;

export const tooLongMessage = (label: string, max: number) => `${label}最多${max}个字，请精简一些`;

export function textProblem(label: string, value: string, max: number): string | undefined {
  return textLength(value) > max ? tooLongMessage(label, max) : undefined;
}

export const MOBILE_LENGTH_MESSAGE = `手机号是 ${MOBILE_DIGITS} 位数字`;

/**
 * A phone with more than 11 digits is refused at once and kept as typed: cutting the 12th digit would turn it
 * into another, wrong number. Shorter numbers are judged by the schema on submit (the person is still typing).
 */
export function mobileProblem(value: string): string | undefined {
  return value.trim().length > MOBILE_DIGITS ? MOBILE_LENGTH_MESSAGE : undefined;
}

/** The first problem per field, for a form to block its submit: `{ message: '留言最多200个字…' }`. */
export function limitProblems(checks: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(checks)) if (problem) out[field] = problem;
  return out;
}
