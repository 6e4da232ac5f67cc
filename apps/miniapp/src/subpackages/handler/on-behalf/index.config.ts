export default definePageConfig({
  navigationBarTitleText: '代办',
  backgroundTextStyle: 'dark',
});
