export default definePageConfig({ navigationBarTitleText: '一键上报' });
