export default definePageConfig({ navigationBarTitleText: '格子屋管理' });
