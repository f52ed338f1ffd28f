export default definePageConfig({ navigationBarTitleText: '问卷投票' });
