import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const taroEnv = process.env.TARO_ENV ?? 'weapp';
// The contract lives outside src/; Babel must compile it too (TypeScript syntax).
const contractDir = path.resolve(__dirname, '..', 'types');

/**
 * H5 polyfills through @babel/runtime-corejs3, which is installed at 7.29.14 while babel-preset-taro announces the
 * helpers of @babel/runtime 7.29.15 (it imports `callSpread`, which corejs3 7.29.14 lacks, and the build fails).
 * Telling the preset the corejs3 runtime's real version makes Babel inline the newer helpers instead.
 */
const h5BabelPreset = [
  // The same preset babel.config.js names; Babel replaces the file's entry with this one rather than adding a second.
  'taro',
  {
    framework: 'react',
    ts: true,
    compiler: 'webpack5',
    useBuiltIns: 'usage',
    version: (require('@babel/runtime-corejs3/package.json') as { version: string }).version,
  },
];

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
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.TCB_ENV || 'your-cloudbase-env-id'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent cache (node_modules/.cache/webpack) makes rebuilds 2–4× faster; one cache per platform and mode,
    // and the config files invalidate it.
    cache: {
      enable: true,
      name: `${taroEnv}-${process.env.NODE_ENV ?? 'production'}`,
      buildDependencies: { config: [path.join(__dirname, 'index.ts'), path.join(__dirname, 'dev.ts'), path.join(__dirname, 'prod.ts')] },
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
      webpackChain(chain) {
        chain.module
          .rule('script')
          .use('babelLoader')
          .tap((options: Record<string, unknown>) => ({ ...options, presets: [h5BabelPreset] }));
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
