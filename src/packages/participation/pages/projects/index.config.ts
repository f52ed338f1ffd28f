export default definePageConfig({ navigationBarTitleText: '治理项目' });
