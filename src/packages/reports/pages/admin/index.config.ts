export default definePageConfig({ navigationBarTitleText: '上报管理' });
