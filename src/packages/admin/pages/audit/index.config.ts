export default definePageConfig({
  navigationBarTitleText: '账目核对',
});
