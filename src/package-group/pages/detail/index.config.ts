export default definePageConfig({
  navigationBarTitleText: '社团详情',
});
