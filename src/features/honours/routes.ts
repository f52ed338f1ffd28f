/** Where the honours pages live. */
export const HONOURS_ROUTES = {
  wall: '/packages/honours/pages/wall/index',
  certificate: '/packages/honours/pages/certificate/index',
  verify: '/packages/honours/pages/verify/index',
  leaderboard: '/packages/honours/pages/leaderboard/index',
  admin: '/packages/admin/pages/honours/index',
} as const;

export const verifyUrl = (code: string) => `${HONOURS_ROUTES.verify}?code=${encodeURIComponent(code)}`;
