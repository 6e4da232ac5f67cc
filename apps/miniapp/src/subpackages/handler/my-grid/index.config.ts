export default definePageConfig({
  navigationBarTitleText: '我的网格成绩',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
