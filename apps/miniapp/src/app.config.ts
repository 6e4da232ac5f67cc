export default defineAppConfig({
  // 扫码登录's confirm page is opened by a mini-program code (WeChat's getwxacodeunlimit page); a page of
  // the main package, so the code still opens it when WeChat checks the page against the release.
  pages: ['pages/index/index', 'pages/desk-sign-in/index'],
  // Sign-in, 我的, the village picker, group binding and 消息中心: loaded only when first opened, so the
  // main package (the home page every villager sees first) stays small.
  subPackages: [
    {
      root: 'subpackages/account',
      pages: ['sign-in/index', 'me/index', 'choose-unit/index', 'bind-group/index', 'messages/index'],
    },
    // By audience: villagers (我要反映, 我的诉求, a matter), grid leaders (待办, handling a
    // matter, 未诉先办, 代办), town staff (回看, 超时督办, 派单, 日报 and 周调度 with their charts: the
    // chart library is used only here, so it stays out of the main package). Code they share lands in each subpackage's common chunk.
    {
      root: 'subpackages/villager',
      pages: ['report/index', 'mine/index', 'request/index'],
    },
    {
      root: 'subpackages/handler',
      pages: ['inbox/index', 'request/index', 'patrol/index', 'on-behalf/index', 'my-grid/index'],
    },
    {
      root: 'subpackages/staff',
      pages: ['look-back/index', 'request/index', 'overdue/index', 'dispatch/index', 'bulletin/index', 'weekly/index'],
    },
    // 红心榜 (办理成绩晾晒): the public monthly ranking, for everyone.
    {
      root: 'subpackages/board',
      pages: ['ranking/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f3ee',
    navigationBarBackgroundColor: '#b3191f',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'white',
  },
});
