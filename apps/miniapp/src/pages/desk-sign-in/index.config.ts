export default definePageConfig({
  navigationBarTitleText: '电脑登录确认',
});
