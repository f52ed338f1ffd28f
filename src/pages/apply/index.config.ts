export default definePageConfig({
  navigationBarTitleText: '申请加入第二梯队',
});
