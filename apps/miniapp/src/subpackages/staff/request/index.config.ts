export default definePageConfig({
  navigationBarTitleText: '回看诉求',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
