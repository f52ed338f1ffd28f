export default definePageConfig({
  navigationBarTitleText: '我的时长与积分',
});
