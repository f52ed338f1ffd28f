export default definePageConfig({
  navigationBarTitleText: '微格管理',
});
