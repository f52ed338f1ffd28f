export default definePageConfig({
  navigationBarTitleText: '自治家园理事会',
});
