export default definePageConfig({
  navigationBarTitleText: '我反映的事',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 分享进展: the card carries requestShare's title only (no text, place, name or phone) and is
  // turned off for 保密 matters (hideShareMenu).
  enableShareAppMessage: true,
});
