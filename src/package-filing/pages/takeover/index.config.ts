export default definePageConfig({ navigationBarTitleText: '接手代办的报备' });
