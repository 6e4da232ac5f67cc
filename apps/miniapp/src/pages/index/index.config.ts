export default definePageConfig({
  navigationBarTitleText: '网格通',
  // The share card (title and home page only, nothing personal) can be sent to a village group.
  enableShareAppMessage: true,
});
