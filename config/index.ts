import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { BuildEnvError, buildConstants } from './build-env';
import devConfig from './dev';
import prodConfig from './prod';

const taroEnv = process.env.TARO_ENV ?? 'weapp';
// The contract lives outside src/; Babel must compile it too (TypeScript syntax).
const contractDir = path.resolve(__dirname, '..', 'types');

/** Stops the build with our message alone (Taro would add a misleading "config not found" line to a thrown error). */
function constantsOrStop(): Record<string, string> {
  try {
    return buildConstants({ taroEnv, nodeEnv: process.env.NODE_ENV, env: process.env });
  } catch (error) {
    if (!(error instanceof BuildEnvError)) throw error;
    console.error(`\n✖ ${error.message}\n`);
    process.exit(1);
  }
}

// CLOUD_ENV and NOTICE_TEMPLATE_IDS; a production weapp build without TCB_ENV stops here (see build-env.ts).
const constants = constantsOrStop();
/**
 * Measured: with one shared cache, a warm weapp build after TCB_ENV changed emitted an app.js whose App module was
 * empty (no Taro.cloud.init, no component): a broken app that still compiled. Each set of constants gets its own
 * cache instead, so a build with new values starts cold and is correct.
 */
const constantsKey = createHash('sha256').update(JSON.stringify(constants)).digest('hex').slice(0, 10);

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'community-cloud-filing',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform, so a weapp and an H5 build never overwrite each other.
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: constants,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Taro's mini-program default escapes every non-ASCII character (\uXXXX: 6 bytes where UTF-8 needs 3), which cost
    // the main package ~5 KiB of Chinese text. WeChat reads package files as UTF-8, and miniprogram-ci compiles them.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    // Persistent cache (node_modules/.cache/webpack) makes rebuilds 2–4× faster; one cache per platform and mode,
    // and the config files invalidate it.
    cache: {
      enable: true,
      name: `${taroEnv}-${process.env.NODE_ENV ?? 'production'}-${constantsKey}`,
      buildDependencies: { config: [path.join(__dirname, 'index.ts'), path.join(__dirname, 'build-env.ts'), path.join(__dirname, 'dev.ts'), path.join(__dirname, 'prod.ts')] },
    },
    mini: {
      compile: { include: [contractDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Our CSS files are independent (no cascade between pages), so chunk order warnings are noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: [contractDir] },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing works behind any static server, including the local gateway.
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
