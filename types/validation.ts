import { z } from 'zod';

/**
 * Chinese fallbacks for the issues a field builder did not word itself (a field's own message always wins).
 * Installed by importing this module, which every contract module does.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'unrecognized_keys':
        return `不允许提交的字段：${issue.keys.join('、')}`;
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
 */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || '_'];
    for (const path of paths) {
      if (!(path in fields)) fields[path] = issue.code === 'unrecognized_keys' ? '不允许提交此字段' : issue.message;
    }
  }
  return fields;
}
