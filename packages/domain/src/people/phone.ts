/** A mainland China mobile number: 11 digits starting 13–19. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
/** Spaces (also full-width) and dashes people type into phone numbers: "138 1234-5678". */
const PHONE_SEPARATORS = /[\s\u3000\-\u2010-\u2015\uff0d]/g;

/** "138 1234-5678" → "13812345678"; anything else comes back as typed, for isMainlandMobile to refuse. */
export function normalisePhone(text: string): string {
  return text.replace(PHONE_SEPARATORS, '');
}

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}
