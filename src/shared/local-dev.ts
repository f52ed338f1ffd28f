/**
 * Local development only: the H5 build keeps the demo identity picked on the dev server's login page under
 * this key and sends it as `x-wx-openid`, which the dev server turns into the call context WeChat would give.
 */
export const DEV_IDENTITY_KEY = 'txtd.devIdentity';
