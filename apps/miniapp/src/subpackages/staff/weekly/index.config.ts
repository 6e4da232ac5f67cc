export default definePageConfig({
  navigationBarTitleText: '办理周调度',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
