export default definePageConfig({ navigationBarTitleText: 'stub' });
