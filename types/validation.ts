import { z } from 'zod';

/** An error answer stays small whatever was sent: at most this many fields, each path and hint this long. */
export const MAX_FIELD_ERRORS = 20;
export const MAX_FIELD_PATH = 80;
export const MAX_FIELD_MESSAGE = 100;
/** The key under which toFieldErrors says how many further fields had problems. */
export const MORE_FIELDS_KEY = '_more';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `a、b、c 等 250 个`: a few key names (each clipped), never the whole list a client sent. */
function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => clip(k, 30));
  return keys.length > shown.length ? `${shown.join('、')} 等 ${keys.length} 个` : shown.join('、');
}

/**
 * Chinese fallbacks for the issues a field builder did not word itself (a field's own message always wins).
 * Installed by importing this module, which every contract module does.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'unrecognized_keys':
        return `不允许提交的字段：${listKeys(issue.keys)}`;
      case 'invalid_type':
        return issue.input === undefined ? '此项必须填写' : '格式不正确';
      case 'too_big':
        return '内容太长或数量太多';
      case 'too_small':
        return '内容太短或数量太少';
      case 'invalid_value':
        return '请从给出的选项中选择';
      default:
        return '填写的内容有误';
    }
  },
});

/**
 * Flattens a zod error into `{ 'field.path': '中文提示' }` for forms. An unknown key is reported on the key itself,
 * so the offending field is named. The first problem of a field wins: one clear hint beats three.
 * The answer is capped (MAX_FIELD_ERRORS fields, clipped paths and hints), with `_more` counting the rest, so a
 * body of ten thousand unknown keys gets a short refusal, not a list of all of them.
 */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  let listed = 0;
  const unlisted = new Set<string>();
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || '_'];
    for (const fullPath of paths) {
      const path = clip(fullPath, MAX_FIELD_PATH);
      if (Object.hasOwn(fields, path) || unlisted.has(path)) continue;
      if (listed >= MAX_FIELD_ERRORS) {
        unlisted.add(path);
        continue;
      }
      fields[path] = clip(issue.code === 'unrecognized_keys' ? '不允许提交此字段' : issue.message, MAX_FIELD_MESSAGE);
      listed += 1;
    }
  }
  if (unlisted.size > 0) fields[MORE_FIELDS_KEY] = `还有 ${unlisted.size} 处问题未列出，请先修改以上各项`;
  return fields;
}
