export default definePageConfig({ navigationBarTitleText: '居民需求（社工）', enablePullDownRefresh: true });
