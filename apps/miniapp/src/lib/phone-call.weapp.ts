import Taro from '@tarojs/taro';

/** Calling a number in WeChat: the system dialer with the number filled in (the browser build: ./phone-call.ts). */
export type CallOutcome = 'dialling' | 'dial-by-hand';

export async function callPhone(phoneNumber: string): Promise<CallOutcome> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
    return 'dialling';
  } catch {
    // Cancelled in the dialer sheet: the person may still have called another way.
    return 'dial-by-hand';
  }
}
