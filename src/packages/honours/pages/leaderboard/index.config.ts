export default definePageConfig({
  navigationBarTitleText: '月度服务榜',
});
