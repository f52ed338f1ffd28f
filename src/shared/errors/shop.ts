/** Codes start with `SHOP.`; messages are what residents read. */
export const SHOP_ERRORS = {
  'SHOP.MEMBERS_ONLY': '加入第二梯队后，就能用积分兑换啦',
  'SHOP.OUT_OF_STOCK': '这件奖品刚刚兑完了，过几天再来看看',
  'SHOP.RETIRED': '这件奖品已经下架了',
  'SHOP.CODE_NOT_FOUND': '没有找到这个兑换码，请核对后再试',
  'SHOP.CANCELLED': '这个兑换码已经取消，不能再使用',
  'SHOP.ALREADY_USED': '这份兑换已经使用过了，不能取消',
  'SHOP.KEEPER_NOT_FOUND': '没有找到用这个手机号登记的本居民区居民，请店家先在小程序里登记',
} as const;
