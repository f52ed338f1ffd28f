export default definePageConfig({ navigationBarTitleText: '群绑定', enableShareAppMessage: true });
