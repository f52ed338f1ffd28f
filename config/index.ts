import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { createSwcRegister } from '@tarojs/helper';

const root = path.resolve(__dirname, '..');

/**
 * The build constants: the subscribe-message template ids of deploy/environments/<TXTD_DEPLOY_ENV, default local>.json,
 * checked first (scripts/deploy/templates.ts, shared with the deploy). Taro compiles only config/ for this file, so
 * the checker and what it imports are compiled on the way in.
 */
function defineConstants(): Record<string, string> {
  const shared = ['scripts/deploy', 'src/shared', 'cloudfunctions/_core'].map((dir) => path.join(root, dir) + path.sep);
  createSwcRegister({ only: [(file: string) => shared.some((dir) => file.startsWith(dir))] });
  const { buildDefines } = require('../scripts/deploy/templates') as typeof import('../scripts/deploy/templates');
  return buildDefines();
}

/**
 * Taro build config for both targets. Each platform gets its own output folder because Taro empties
 * `outputRoot` before a build (notes/taro.md).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxin-tidui',
    date: '2026-11-23',
    // NutUI's styles are written for a 375 px design, ours for 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    alias: {
      '@shared': path.resolve(root, 'src/shared'),
      '@': path.resolve(root, 'src'),
    },
    plugins: [],
    defineConstants: defineConstants(),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // No persistent cache: warm builds twice shipped stale output (a subpackage's sub-common copy with old module ids,
    // an H5 page title changed only in its index.config.ts). A cold build takes about a minute; a deploy must be right.
    cache: { enable: false },
    mini: {
      // Our component stylesheets are independent of each other: their order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        // Taro copies each shared `sub-common/*` chunk, already minified, into every subpackage that uses it, as an
        // asset whose `updateHash` adds nothing: the minimizers saw those copies as new assets and, with the persistent
        // cache on, answered them under a key that never changes, so a warm cache shipped a stale copy (a participation
        // page then required a module id its copy no longer defined). The copies need no second pass.
        // Only production builds have minimizers; `minimizer(name)` alone would add an empty one (webpack-chain keeps
        // them in `minimizers`, which its types leave out).
        const copies = /^packages\/[^/]+\/sub-common\//;
        const present = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers;
        for (const name of ['terserPlugin', 'cssoWebpackPlugin']) {
          if (present.has(name)) chain.optimization.minimizer(name).tap(([options]) => [{ ...options, exclude: copies }]);
        }
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
