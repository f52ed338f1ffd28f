import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * The one place that knows how a page learns the WeChat group it was opened in, and how a card is shared so that
 * it can. `process.env.TARO_ENV` is replaced at build time, so each bundle keeps only its own branch.
 * - weapp: the card was shared with a shareTicket; opening it inside a group puts a ticket in the enter options, and
 *   `getGroupEnterInfo` then answers that group's cloudID. Only that string is sent: the function asks the platform
 *   what it stands for (getOpenData), so nothing the client could shape by hand is trusted.
 * - H5 (local only): `?devGroup=A` in the page's query stands for "opened inside fixture group A"; the dev server
 *   mints the CloudID WeChat would give there, and only CloudIDs it minted resolve.
 */

/** What goes in the call as the top-level `groupCloudId` field (the CloudID string); null when not opened from a group. */
export type GroupCloudId = string;

interface PageRoute {
  path: string;
  params: Record<string, string | undefined>;
}

const bare = (path: string) => path.split('?')[0]!.replace(/^\//, '');

async function weappGroupCloudId(route: PageRoute): Promise<GroupCloudId | null> {
  const enter = Taro.getEnterOptionsSync();
  // The ticket belongs to the card the app was entered by: only that page (same path and query) was opened in the
  // group; a notice reached afterwards from the list was not.
  const here = bare(enter.path) === bare(route.path) && Object.entries(enter.query ?? {}).every(([k, v]) => route.params[k] === v);
  if (!enter.shareTicket || !here) return null;
  try {
    // It reads the group of the scene the page was entered by (the shareTicket says there is one).
    const info = (await Taro.getGroupEnterInfo()) as Taro.getGroupEnterInfo.SuccessCallbackResult;
    return info.cloudID || null;
  } catch {
    // 40097 (wrong scene) or 65206 (left the group): the open still counts, just not for a group.
    return null;
  }
}

async function localGroupCloudId(group: string | undefined): Promise<GroupCloudId | null> {
  if (!group) return null;
  const res = await fetch('/__dev/wechat/group-card', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ group }),
  });
  if (!res.ok) return null;
  const { cloudID } = (await res.json()) as { cloudID: string };
  return cloudID;
}

/** The CloudID of the group the current page was opened in, if it was. */
export function groupCloudIdOfEntry(): Promise<GroupCloudId | null> {
  const route = (Taro.getCurrentInstance().router ?? { path: '', params: {} }) as PageRoute;
  return process.env.TARO_ENV === 'weapp' ? weappGroupCloudId(route) : localGroupCloudId(route.params.devGroup);
}

/**
 * Makes the page's share card carry a shareTicket, so whoever opens it inside a group is counted for that group.
 * WeChat never says where a card went: the group is known only when someone opens it.
 */
export function useGroupShare(card: { title: string; path: string } | null): void {
  const path = card?.path;
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp' && path) void Taro.showShareMenu({ withShareTicket: true });
  }, [path]);
  useShareAppMessage(() => (card ? { title: card.title, path: card.path } : {}));
}
