import { createHash } from 'node:crypto';

/**
 * Derived ids: a person supports a need once and enrolls in a course once, on both backends without a unique
 * index; a retried create lands on the same document. Hashed, so no id shows whose it is.
 */
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

export const needIdFor = (openid: string, requestId: string) => 'nd_' + digest(`need:${openid}:${requestId}`);
export const supportIdFor = (needId: string, openid: string) => 'ns_' + digest(`${needId}:${openid}`);
export const partnerIdFor = (openid: string, requestId: string) => 'pt_' + digest(`partner:${openid}:${requestId}`);
export const courseIdFor = (openid: string, requestId: string) => 'co_' + digest(`course:${openid}:${requestId}`);
export const sessionIdFor = (courseId: string, index: number) => 'e_' + digest(`${courseId}:session:${index}`);
export const enrollmentIdFor = (courseId: string, openid: string) => 'en_' + digest(`${courseId}:${openid}`);
