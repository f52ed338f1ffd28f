export default definePageConfig({
  navigationBarTitleText: '微格名册',
});
