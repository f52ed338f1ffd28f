export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index', 'pages/profile/index', 'pages/apply/index'],
  subPackages: [
    {
      // Committee pages: downloaded only by those who open them, keeping the main package small.
      root: 'packages/admin',
      name: 'admin',
      pages: ['pages/applications/index', 'pages/member/index', 'pages/councils/index', 'pages/grids/index', 'pages/import/index', 'pages/points/index', 'pages/report/index', 'pages/shop/index', 'pages/honours/index', 'pages/audit/index'],
    },
    { root: 'packages/councils', name: 'councils', pages: ['pages/list/index', 'pages/detail/index'] },
    { root: 'packages/grids', name: 'grids', pages: ['pages/roster/index', 'pages/talent/index'] },
    { root: 'packages/profile', name: 'profile', pages: ['pages/privacy/index', 'pages/data/index', 'pages/children/index', 'pages/proxy/index'] },
    { root: 'packages/street', name: 'street', pages: ['pages/overview/index'] },
    { root: 'packages/ledger', name: 'ledger', pages: ['pages/mine/index'] },
    { root: 'packages/events', name: 'events', pages: ['pages/list/index', 'pages/detail/index', 'pages/edit/index', 'pages/mine/index'] },
    { root: 'packages/checkin', name: 'checkin', pages: ['pages/scan/index', 'pages/station/index', 'pages/pass/index', 'pages/review/index'] },
    { root: 'packages/shop', name: 'shop', pages: ['pages/list/index', 'pages/mine/index', 'pages/verify/index'] },
    { root: 'packages/honours', name: 'honours', pages: ['pages/wall/index', 'pages/certificate/index', 'pages/verify/index', 'pages/leaderboard/index'] },
    { root: 'packages/cabin', name: 'cabin', pages: ['pages/home/index', 'pages/item/index', 'pages/mine/index', 'pages/donate/index', 'pages/desk/index', 'pages/manage/index', 'pages/report/index'] },
    { root: 'packages/notices', name: 'notices', pages: ['pages/list/index', 'pages/detail/index', 'pages/edit/index', 'pages/receipts/index', 'pages/groups/index', 'pages/bind/index', 'pages/robots/index'] },
    { root: 'packages/reports', name: 'reports', pages: ['pages/new/index', 'pages/mine/index', 'pages/detail/index', 'pages/queue/index', 'pages/admin/index', 'pages/settings/index'] },
    { root: 'packages/participation', name: 'participation', pages: ['pages/proposals/index', 'pages/proposal/index', 'pages/propose/index', 'pages/projects/index', 'pages/project/index', 'pages/answer/index', 'pages/settings/index', 'pages/edit/index', 'pages/street/index'] },
    { root: 'packages/surveys', name: 'surveys', pages: ['pages/list/index', 'pages/answer/index', 'pages/results/index', 'pages/manage/index', 'pages/edit/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '同心梯队',
    navigationBarTextStyle: 'white',
    // The weapp's default; in H5 it switches on Taro's own title bar with back (or home when opened from a link).
    navigationStyle: 'default',
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
