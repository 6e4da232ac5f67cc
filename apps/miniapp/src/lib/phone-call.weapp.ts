import Taro from '@tarojs/taro';

/** Dialling in WeChat: the system dialer with the number filled in (the browser build: ./phone-call.ts). */
export async function callPhone(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch {
    // Cancelled in the dialer sheet: nothing to tell, the person chose not to call.
  }
}
