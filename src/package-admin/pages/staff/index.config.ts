export default definePageConfig({ navigationBarTitleText: '人员分配', enablePullDownRefresh: true });
