export default definePageConfig({
  navigationBarTitleText: '社团详情',
  // useShareAppMessage only takes effect in WeChat when the page declares it can be shared.
  enableShareAppMessage: true,
});
