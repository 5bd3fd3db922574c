export default definePageConfig({
  navigationBarTitleText: '变更报备',
});
