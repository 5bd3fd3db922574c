// Taro's preset for both the mini program build and jest (it emits CommonJS when NODE_ENV=test).
const isH5 = process.env.TARO_ENV === 'h5';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: isH5 ? 'usage' : false,
        // H5 helpers come from @babel/runtime-corejs3. The preset otherwise assumes @babel/runtime's (newer)
        // version and asks for helpers the corejs3 runtime does not ship yet (callSpread); its real version
        // makes Babel inline those instead.
        ...(isH5 ? { version: require('@babel/runtime-corejs3/package.json').version } : {}),
      },
    ],
  ],
};
