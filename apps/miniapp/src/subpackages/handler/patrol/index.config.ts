export default definePageConfig({
  navigationBarTitleText: '未诉先办',
  backgroundTextStyle: 'dark',
});
