export default definePageConfig({
  navigationBarTitleText: '网格通'
})
