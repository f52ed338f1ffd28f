/** Where the members pages live (and the pages of other domains the 我的 page links to). */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  profile: '/pages/profile/index',
  apply: '/pages/apply/index',
  privacy: '/packages/profile/pages/privacy/index',
  myData: '/packages/profile/pages/data/index',
  children: '/packages/profile/pages/children/index',
  proxy: '/packages/profile/pages/proxy/index',
  councils: '/packages/councils/pages/list/index',
  roster: '/packages/grids/pages/roster/index',
  talent: '/packages/grids/pages/talent/index',
  adminApplications: '/packages/admin/pages/applications/index',
  adminMember: '/packages/admin/pages/member/index',
  adminCouncils: '/packages/admin/pages/councils/index',
  adminGrids: '/packages/admin/pages/grids/index',
  adminImport: '/packages/admin/pages/import/index',
  street: '/packages/street/pages/overview/index',
} as const;

export const memberDetailUrl = (memberId: string) => `${ROUTES.adminMember}?memberId=${encodeURIComponent(memberId)}`;
