export default definePageConfig({
  navigationBarTitleText: '回看',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
