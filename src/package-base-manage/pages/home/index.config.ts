export default definePageConfig({ navigationBarTitleText: '孵化基地（社工）', enablePullDownRefresh: true });
