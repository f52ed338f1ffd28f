export default definePageConfig({
  navigationBarTitleText: '同心梯队',
  enableShareAppMessage: true,
});
