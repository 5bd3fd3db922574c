export default definePageConfig({ navigationBarTitleText: '社区需求', enablePullDownRefresh: true });
