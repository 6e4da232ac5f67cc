export default definePageConfig({
  navigationBarTitleText: '红心榜',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
