import { setWeChatPlatform } from '../../../cloudfunctions/_core/ports/wechat';
import { LocalOpenData } from '../../../emulator/platform/open-data';
import { LocalWeChatPlatform } from '../../../emulator/platform/wechat.local';
import * as v from 'valibot';
import { opengidFrom } from '../../../cloudfunctions/notices/access';
import { maskKey, noticeMarkdown, remindText, publicLabelOf, targetLabelOf, type NoticeDoc } from '../../../cloudfunctions/notices/notices.model';
import { noticesActions, WECOM_WEBHOOK_PATTERN } from '../../../src/shared/actions/notices';
import { NOTICE_TEMPLATES } from '../../../src/shared/notice-templates';
import { audienceKeysOf, isTargeted, memberKeysOf } from '../../../src/shared/rules/notice-audience';
import { MAX_ROBOT_ATTEMPTS, outcomeOf, windowOf } from '../../../src/shared/rules/wecom-delivery';

const at = new Date('2026-11-23T02:00:30Z');

describe('who a notice is for', () => {
  const inG1 = { gridId: 'g1', councilIds: ['c1'], colour: null };
  it('the whole 居民区 reaches everyone', () => {
    expect(isTargeted(audienceKeysOf({ kind: 'community' }), { gridId: null, councilIds: [], colour: null })).toBe(true);
  });
  it('grids reach their residents only', () => {
    const keys = audienceKeysOf({ kind: 'grids', gridIds: ['g1', 'g2'] });
    expect(isTargeted(keys, inG1)).toBe(true);
    expect(isTargeted(keys, { ...inG1, gridId: 'g3' })).toBe(false);
  });
  it('a council reaches its members', () => {
    expect(isTargeted(audienceKeysOf({ kind: 'council', councilId: 'c1' }), inG1)).toBe(true);
    expect(isTargeted(audienceKeysOf({ kind: 'council', councilId: 'c2' }), inG1)).toBe(false);
  });
  it('a colour group reaches that colour, in the named grids or everywhere', () => {
    const red = { ...inG1, colour: 'red' as const };
    expect(isTargeted(audienceKeysOf({ kind: 'colour', colour: 'red', gridIds: ['g1'] }), red)).toBe(true);
    expect(isTargeted(audienceKeysOf({ kind: 'colour', colour: 'red', gridIds: ['g2'] }), red)).toBe(false);
    expect(isTargeted(audienceKeysOf({ kind: 'colour', colour: 'red', gridIds: [] }), red)).toBe(true);
    expect(isTargeted(audienceKeysOf({ kind: 'colour', colour: 'red', gridIds: [] }), inG1)).toBe(false);
    expect(memberKeysOf(inG1)).not.toContain('colour:red');
  });
});

describe('the WeCom robot queue', () => {
  it('success is sent; a permanent error fails at once', () => {
    expect(outcomeOf(0, 1, at)).toEqual({ kind: 'sent' });
    expect(outcomeOf(93000, 1, at)).toMatchObject({ kind: 'failed', reason: '机器人地址无效' });
  });
  it('rate limits, busy and network failures retry with growing backoff, never before the next minute when limited', () => {
    const first = outcomeOf(-1, 1, at);
    const second = outcomeOf(null, 2, at);
    expect(first).toMatchObject({ kind: 'retry', reason: '企业微信繁忙' });
    expect(second).toMatchObject({ kind: 'retry', reason: '网络不通' });
    if (first.kind !== 'retry' || second.kind !== 'retry') throw new Error('expected retries');
    expect(second.at.getTime() - at.getTime()).toBeGreaterThan(first.at.getTime() - at.getTime());
    const limited = outcomeOf(45009, 1, at);
    if (limited.kind !== 'retry') throw new Error('expected a retry');
    expect(windowOf(limited.at)).toBeGreaterThan(windowOf(at));
    expect(outcomeOf(130101, 1, at)).toMatchObject({ kind: 'retry', reason: '机器人发送太频繁' });
  });
  it('gives up after the last try', () => {
    expect(outcomeOf(45009, MAX_ROBOT_ATTEMPTS, at)).toMatchObject({ kind: 'failed' });
  });
});

describe('webhooks, open data and messages', () => {
  it('accepts a WeCom webhook URL or its bare key, nothing else; only the last 4 characters are shown', () => {
    const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
    expect(WECOM_WEBHOOK_PATTERN.exec(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`)?.[1]).toBe(key);
    expect(WECOM_WEBHOOK_PATTERN.exec(key)?.[1]).toBe(key);
    expect(WECOM_WEBHOOK_PATTERN.test(`https://example.com/cgi-bin/webhook/send?key=${key}`)).toBe(false);
    expect(WECOM_WEBHOOK_PATTERN.test(`http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`)).toBe(false);
    expect(maskKey(key)).toBe('****5aaa');
  });
  it('an opengid only from a CloudID string the platform resolves, never from what the call carries', async () => {
    const platform = new LocalWeChatPlatform();
    setWeChatPlatform(platform);
    const caller = { openid: 'o1', appid: 'wx1' };
    const cloudID = platform.openData.mintGroupCloudId('A', 'wx1');
    expect(await opengidFrom({ groupCloudId: cloudID }, caller)).toBe(LocalOpenData.opengidOf('A'));
    expect(await opengidFrom({ groupCloudId: cloudID }, { ...caller, appid: 'wx2' })).toBeNull();
    expect(await opengidFrom({ groupCloudId: { cloudID, data: { opengid: 'G' } } }, caller)).toBeNull();
    expect(await opengidFrom({ groupCloudId: 'unknown' }, caller)).toBeNull();
    expect(await opengidFrom({ opengid: 'G' }, caller)).toBeNull();
    expect(await opengidFrom({ payload: { opengid: 'G' } }, caller)).toBeNull();
  });
  it('a notice becomes markdown for the robot; a reminder is text so it can @ by mobile', () => {
    const doc = { title: '停水', body: '明天停水', mode: 'confirm', question: null, writerName: '张丽华' } as unknown as NoticeDoc;
    const md = noticeMarkdown(doc);
    expect(md.msgtype).toBe('markdown');
    expect(JSON.stringify(md)).toContain('### 停水');
    expect(remindText(doc, ['13800000000'])).toMatchObject({ msgtype: 'text', text: { mentioned_mobile_list: ['13800000000'] } });
    // Staff read the colour; residents never do.
    expect(targetLabelOf({ kind: 'colour', colour: 'red', gridIds: ['g1'] }, new Map([['g1', '第一微格']]))).toBe('红色分组（第一微格）');
    expect(publicLabelOf({ kind: 'colour', colour: 'red', gridIds: ['g1'] }, new Map([['g1', '第一微格']]))).toBe('第一微格部分居民');
    expect(publicLabelOf({ kind: 'colour', colour: 'yellow', gridIds: [] }, new Map())).toBe('部分居民');
    expect(publicLabelOf({ kind: 'grids', gridIds: ['g1'] }, new Map([['g1', '第一微格']]))).toBe('第一微格');
  });
  it('every template is a valid notice once its blanks are filled', () => {
    for (const t of NOTICE_TEMPLATES) {
      const notice = { title: t.title, body: t.body, target: { kind: 'community' }, mode: t.mode, question: t.question };
      const parsed = v.safeParse(noticesActions.create.input, { notice, publish: { kind: 'draft' }, requestId: 'req-template-1' });
      expect(parsed.issues).toBeUndefined();
    }
  });
});
