export default definePageConfig({ navigationBarTitleText: '我发起的问卷' });
