import { randomBytes } from 'crypto';

/**
 * Fixture open data for group cards. In WeChat a member who opens a card inside group G gets a CloudID, which the
 * function resolves through the platform (getOpenData). Locally the dev server mints the CloudID for a named
 * fixture group, and only CloudIDs minted here (and not yet expired) resolve: a hand-made one never does.
 */
export class LocalOpenData {
  private readonly tokens = new Map<string, { opengid: string; appid: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The stable opengid of fixture group `group` (stable per group, like WeChat's per mini-program). */
  static opengidOf(group: string): string {
    return `local-opengid-${group}`;
  }

  /** A CloudID as `wx.getGroupEnterInfo` would give inside group `group`, for `appid`; it lives 5 minutes. */
  mintGroupCloudId(group: string, appid: string): string {
    const cloudID = `local-cloudid-${randomBytes(8).toString('hex')}`;
    this.tokens.set(cloudID, { opengid: LocalOpenData.opengidOf(group), appid, expiresAt: this.now() + 5 * 60_000 });
    return cloudID;
  }

  /** What getOpenData answers for a CloudID: the group's data with its watermark, or null. */
  resolve(cloudID: string): Record<string, unknown> | null {
    const known = this.tokens.get(cloudID);
    if (!known || known.expiresAt <= this.now()) return null;
    return { opengid: known.opengid, watermark: { appid: known.appid, timestamp: Math.floor(this.now() / 1000) } };
  }
}
