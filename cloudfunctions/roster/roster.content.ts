import { wechat } from '../_core/ports/wechat';

/** msgSecCheck takes at most 2,500 characters; chunks stay below that. */
const CHUNK_CHARS = 2000;

function chunks(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    if (current.length && size + text.length + 1 > CHUNK_CHARS) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * The texts the platform refuses to show other residents. Distinct texts go in chunks (a 13,125-row roster
 * is a handful of calls); a refused chunk is halved until the refused texts are found, so a bad row costs
 * about log2(chunk) more calls, never one call per row.
 */
export async function refusedTexts(openid: string, texts: readonly string[]): Promise<Set<string>> {
  const refused = new Set<string>();
  const check = async (list: string[]): Promise<void> => {
    const { pass } = await wechat().checkText({ openid, content: list.join('\n') });
    if (pass) return;
    if (list.length === 1) {
      refused.add(list[0]!);
      return;
    }
    const half = Math.ceil(list.length / 2);
    await check(list.slice(0, half));
    await check(list.slice(half));
  };
  for (const chunk of chunks([...new Set(texts)])) await check(chunk);
  return refused;
}
