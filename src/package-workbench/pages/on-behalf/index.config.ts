export default definePageConfig({ navigationBarTitleText: '代办报备' });
