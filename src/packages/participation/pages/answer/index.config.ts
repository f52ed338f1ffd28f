export default definePageConfig({ navigationBarTitleText: '答复议题' });
