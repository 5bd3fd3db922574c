export default definePageConfig({ navigationBarTitleText: '开设课程' });
