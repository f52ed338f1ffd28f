import * as v from 'valibot';

/** A request id the page makes once per form, so a retried or doubled tap changes things once. */
export const requestIdSchema = v.pipe(v.string('请求编号不对'), v.regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号不对'));

/** A fileID from the upload service (cloud://) or an https address; empty for none. */
export const photoSchema = v.optional(
  v.union(
    [v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(512, '照片地址太长'), v.regex(/^(https:\/\/|cloud:\/\/)\S+$/, '照片地址要以 https:// 或 cloud:// 开头'))],
    '照片地址要以 https:// 或 cloud:// 开头',
  ),
  '',
);
