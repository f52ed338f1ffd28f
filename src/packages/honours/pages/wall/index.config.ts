export default definePageConfig({
  navigationBarTitleText: '风采展示墙',
});
