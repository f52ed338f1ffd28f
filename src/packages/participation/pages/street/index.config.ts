export default definePageConfig({ navigationBarTitleText: '各居民区治理项目' });
