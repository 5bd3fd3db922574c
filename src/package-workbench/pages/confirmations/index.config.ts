export default definePageConfig({ navigationBarTitleText: '年度确认', enablePullDownRefresh: true });
