/**
 * What a function's bundle really reaches, read from esbuild's metafile: the WeChat port methods its code calls
 * (so its `permissions.openapi` and its need for wx-server-sdk are derived, never hand-kept) and the environment
 * variables it reads (so the deploy sets each one, from a known source).
 */
import { readFileSync } from 'fs';
import { isAbsolute, join, relative } from 'path';
import type { Metafile } from 'esbuild';
import { OPENAPI_OF_METHOD, type WeChatPlatform } from '../../cloudfunctions/_core/ports/wechat';

export interface BundleFacts {
  /** Source files (relative to the repository) that put code into the bundle. */
  sources: string[];
  wechatMethods: (keyof WeChatPlatform)[];
  openapi: string[];
  /** The project's own settings the code reads (`process.env.TXTD_*`). */
  envVars: string[];
}

/** A call of the port is always written `wechat().method(...)`, so the method is visible to this scan. */
const PORT_CALL = /\bwechat\(\)(\s*\.\s*(\w+))?/g;
const ENV_READ = /\bprocess\.env\.(TXTD_[A-Z0-9_]+)/g;
const ENV_COMPUTED = /\bprocess\.env\s*\[/;

function methodsIn(source: string, file: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(PORT_CALL)) {
    const method = match[2];
    // `const w = wechat(); w.checkText(...)` would hide the method from the derivation: refuse it.
    if (!method) throw new Error(`${file}: call the WeChat port as wechat().<method>(...), so its open-API permission can be derived`);
    found.push(method);
  }
  return found;
}

/** Facts of the output `outfile` of a build made with `metafile: true`. */
export function bundleFacts(metafile: Metafile, outfile: string, root: string): BundleFacts {
  const key = Object.keys(metafile.outputs).find((o) => join(root, o) === outfile || o === outfile || (isAbsolute(o) && o === outfile));
  const output = key ? metafile.outputs[key] : undefined;
  if (!output) throw new Error(`no output ${outfile} in the metafile`);
  // Only modules that left code in the bundle: a module tree-shaken to nothing reaches nothing.
  const sources = Object.entries(output.inputs)
    .filter(([path, input]) => input.bytesInOutput > 0 && !path.includes('node_modules'))
    .map(([path]) => relative(root, join(root, path)))
    .sort();
  const methods = new Set<string>();
  const envVars = new Set<string>();
  for (const file of sources) {
    if (file === join('cloudfunctions', '_core', 'ports', 'wechat.ts')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of methodsIn(text, file)) methods.add(m);
    // A computed read would hide a setting from the deploy, which must know every one it sets.
    if (ENV_COMPUTED.test(text)) throw new Error(`${file}: read settings as process.env.TXTD_<NAME>, so the deploy can find them`);
    for (const match of text.matchAll(ENV_READ)) envVars.add(match[1]!);
  }
  const wechatMethods = [...methods].sort().map((m) => {
    if (!Object.prototype.hasOwnProperty.call(OPENAPI_OF_METHOD, m)) throw new Error(`unknown WeChat port method ${m}`);
    return m as keyof WeChatPlatform;
  });
  const openapi = [...new Set(wechatMethods.flatMap((m) => OPENAPI_OF_METHOD[m]))].sort();
  return { sources, wechatMethods, openapi, envVars: [...envVars].sort() };
}
