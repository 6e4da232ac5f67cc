/**
 * Consent to the privacy guide in WeChat (weapp): WeChat keeps the agreement itself.
 * `wx.getPrivacySetting` says whether it is still needed; the card's 同意 tap calls
 * `wx.requirePrivacyAuthorize`, which shows WeChat's own privacy sheet (no
 * onNeedPrivacyAuthorization listener is registered, so WeChat's official sheet is used) and
 * succeeds once the person agrees there. The browser build uses ./privacy.ts.
 */
import Taro from '@tarojs/taro';

export function privacyAgreed(): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (setting) => resolve(!setting.needAuthorization),
      // An old WeChat without privacy settings: nothing to agree to here.
      fail: () => resolve(true),
    });
  });
}

export function agreeToPrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}
