import { callPhone } from '../lib/phone-call';
import { callRequester } from './requests-api';

/**
 * 打电话: asks the API for the requester's number through 拨打 (logged there), then dials it at
 * once (tel: in the browser, wx.makePhoneCall in WeChat). The number is never put on the page.
 */
export async function dialRequester(requestId: number): Promise<void> {
  await callPhone(await callRequester(requestId));
}
