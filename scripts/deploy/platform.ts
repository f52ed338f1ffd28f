/**
 * CloudBase's settings and limits the deploy plan is checked against (docs.cloudbase.net, "运行环境支持" and the
 * function configuration reference, read 2026-12).
 */

/**
 * The newest LTS Node.js runtime CloudBase offers for event functions: 24.11 is marked Active LTS (推荐); 26.x is
 * listed as Current, and a committee's app should not run on a release line that is not yet LTS.
 */
export const RUNTIME = 'Nodejs24.11';

/**
 * esbuild's target: the lower of the cloud runtime and the Node.js that runs the tests here (20), so the bundle
 * that the bundle-starts test loads is byte for byte the one deployed.
 */
export const BUNDLE_TARGET = 'node20';

export const DEFAULT_MEMORY_MB = 256;
export const MEMORY_CHOICES_MB = [128, 256, 512, 1024, 2048];
/** Event functions time out after 1-60 s (the configuration reference). */
export const TIMEOUT_RANGE_S = [1, 60] as const;
/** A function's package as uploaded (our code only: dependencies are installed in the cloud): at most 50 MB. */
export const PACKAGE_LIMIT_BYTES = 50 * 1024 * 1024;
/**
 * The same package once its dependencies are installed: Tencent SCF's limit on unzipped code, 500 MB (the figure
 * SCF publishes; CloudBase's own pages found here do not restate it).
 */
export const INSTALLED_LIMIT_BYTES = 500 * 1024 * 1024;
/** Indexes per collection on the smaller plans. */
export const MAX_INDEXES_PER_COLLECTION = 20;
/** Functions and collections per environment on the smaller plans. */
export const MAX_FUNCTIONS = 50;
export const MAX_COLLECTIONS = 100;
/** WeChat: main package and each subpackage at most 2 MB, all together 30 MB. */
export const WEAPP_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const WEAPP_TOTAL_LIMIT_BYTES = 30 * 1024 * 1024;

/** Every collection is closed to clients: all reads and writes go through a function that checks the caller. */
export const CLOSED_RULE = { read: false, write: false } as const;

/** wx-server-sdk is installed in the cloud only for functions that reach the WeChat port (it pins its own node-sdk). */
export const WX_SERVER_SDK_VERSION = '4.0.2';
