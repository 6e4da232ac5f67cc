/**
 * Consent to the privacy guide before the app asks for a phone number, in the browser build (h5):
 * the app's own consent card (components/privacy-gate), agreed once and remembered on this phone
 * (Taro storage). The weapp build uses ./privacy.weapp.ts (WeChat's own privacy authorisation).
 */
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'gridloop.privacy-consent';

/** Whether this person has already agreed. */
export async function privacyAgreed(): Promise<boolean> {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === 'agreed';
  } catch {
    return false;
  }
}

/** From the card's 同意 tap: remembered, so the card is not shown again. */
export async function agreeToPrivacy(): Promise<boolean> {
  try {
    Taro.setStorageSync(STORAGE_KEY, 'agreed');
  } catch {
    // Storage refused: agreed for this visit only.
  }
  return true;
}
