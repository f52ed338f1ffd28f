import { randomBytes } from 'crypto';

/**
 * Fixture open data for group cards. In WeChat a member who opens a card inside group G gets a CloudID; the
 * platform swaps a `wx.cloud.CloudID(id)` field of the call for `{ cloudID, data: { opengid } }` before the
 * function runs. Locally the dev server mints the CloudID for a named fixture group and does the swap.
 */
export class LocalOpenData {
  private readonly tokens = new Map<string, { opengid: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The stable opengid of fixture group `group` (stable per group, like WeChat's per mini-program). */
  static opengidOf(group: string): string {
    return `local-opengid-${group}`;
  }

  /** A CloudID as `wx.getGroupEnterInfo` would give inside group `group`; it lives 5 minutes. */
  mintGroupCloudId(group: string): string {
    const cloudID = `local-cloudid-${randomBytes(8).toString('hex')}`;
    this.tokens.set(cloudID, { opengid: LocalOpenData.opengidOf(group), expiresAt: this.now() + 5 * 60_000 });
    return cloudID;
  }

  /** Swaps every top-level `{ cloudID }` field of a call body for its open data, as the platform does. */
  resolveCloudIds(body: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...body };
    for (const [key, value] of Object.entries(body)) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      const cloudID = (value as { cloudID?: unknown }).cloudID;
      if (typeof cloudID !== 'string' || Object.keys(value).length !== 1) continue;
      const known = this.tokens.get(cloudID);
      out[key] =
        known && known.expiresAt > this.now()
          ? { cloudID, data: { opengid: known.opengid } }
          : { cloudID, errCode: -601006, errMsg: 'cloudID expired or invalid' };
    }
    return out;
  }
}
