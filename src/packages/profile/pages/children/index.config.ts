export default definePageConfig({
  navigationBarTitleText: '小小梯队',
});
