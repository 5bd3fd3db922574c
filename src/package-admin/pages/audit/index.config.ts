export default definePageConfig({ navigationBarTitleText: '操作日志', enablePullDownRefresh: true });
