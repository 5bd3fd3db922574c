export default definePageConfig({
  navigationBarTitleText: '社区社团',
  enablePullDownRefresh: true,
});
