export default definePageConfig({
  navigationBarTitleText: '服务时长证明',
});
