export default definePageConfig({ navigationBarTitleText: '格子屋月报' });
