export default definePageConfig({
  navigationBarTitleText: '社区社团',
  enablePullDownRefresh: true,
  // useShareAppMessage only takes effect in WeChat when the page declares it can be shared.
  enableShareAppMessage: true,
});
