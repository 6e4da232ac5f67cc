export default defineAppConfig({
  pages: ['pages/index/index'],
  // Sign-in, 我的, the village picker and group binding: loaded only when first opened, so the
  // main package (the home page every villager sees first) stays small.
  subPackages: [
    {
      root: 'subpackages/account',
      pages: ['sign-in/index', 'me/index', 'choose-unit/index', 'bind-group/index']
    }
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f3ee',
    navigationBarBackgroundColor: '#b3191f',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'white'
  }
})
