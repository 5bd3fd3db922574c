export default definePageConfig({
  navigationBarTitleText: '社团档案',
  enablePullDownRefresh: true,
});
