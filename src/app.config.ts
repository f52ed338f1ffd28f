export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index', 'pages/profile/index', 'pages/apply/index'],
  subPackages: [
    {
      // Committee pages: downloaded only by those who open them, keeping the main package small.
      root: 'packages/admin',
      name: 'admin',
      pages: ['pages/applications/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '同心梯队',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f4f0',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
