export default definePageConfig({ navigationBarTitleText: '格子屋值守台' });
