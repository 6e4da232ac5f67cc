export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f3ee',
    navigationBarBackgroundColor: '#b3191f',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'white'
  }
})
