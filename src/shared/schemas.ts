import * as v from 'valibot';

/** A request id the page makes once per form, so a retried or doubled tap changes things once. */
export const requestIdSchema = v.pipe(v.string('请求编号不对'), v.regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号不对'));
