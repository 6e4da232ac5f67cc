export default definePageConfig({
  navigationBarTitleText: '受理日报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
