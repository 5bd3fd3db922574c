import type { TUserDoc } from '../collections';

/** How a 代办 names the person who entered it: 「社工 刘芳」, or 「工作人员 赵明」 for an officer. */
export function enteredByOf(user: TUserDoc): { openid: string; name: string; role: string } {
  return { openid: user._id, name: user.displayName, role: user.roles.includes('social_worker') ? '社工' : '工作人员' };
}

export function enteredByText(enteredBy: { name: string; role: string }): string {
  return `${enteredBy.role} ${enteredBy.name}`;
}
