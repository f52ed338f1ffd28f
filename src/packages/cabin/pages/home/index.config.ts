export default definePageConfig({ navigationBarTitleText: '爱心格子屋' });
