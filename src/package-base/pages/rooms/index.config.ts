export default definePageConfig({ navigationBarTitleText: '孵化基地·活动室', enablePullDownRefresh: true });
