export default definePageConfig({
  navigationBarTitleText: '能人资源库',
});
