export default definePageConfig({ navigationBarTitleText: '组织培育记录', enablePullDownRefresh: true });
