export default definePageConfig({ navigationBarTitleText: '通知回执' });
