export default definePageConfig({
  navigationBarTitleText: '理事会管理',
});
