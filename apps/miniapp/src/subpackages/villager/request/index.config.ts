export default definePageConfig({
  navigationBarTitleText: '我反映的事',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
