/**
 * Personal data shown to anyone not handling the case is masked on the server before it is
 * sent: 138****1234, 王**. (PIPL: collect the minimum, show the minimum.)
 */

/** 13812341234 → 138****1234. Anything that is not a plain 11-digit number keeps only its last 4. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 王小明 → 王**, 欧阳娜娜 → 欧***: the surname's first character stays, one star per other character. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name.trim());
  if (chars.length === 0) return null;
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const DIGIT = '[0-9０-９]';
const SEPARATOR = '[ \\-－]';
/**
 * Runs of digits a number could be written as: digit groups with single spaces or dashes between
 * them (138 1234 5678, 0536-5551234), an ID card's final X, never touching a letter or another
 * digit (a 12345 order number such as SG2026… is not a phone number).
 */
const DIGIT_RUN = new RegExp(`(?<![0-9０-９A-Za-z])${DIGIT}(?:${SEPARATOR}?${DIGIT})*[XxＸｘ]?(?![0-9０-９A-Za-z])`, 'g');

/** Whether these digits (separators gone) are a number that reaches or names a person. */
function isPersonalNumber(digits: string): boolean {
  const plain = digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[Ｘｘ]/, 'X');
  if (/^1[3-9]\d{9}$/.test(plain)) return true; // a mobile number
  if (/^0\d{9,11}$/.test(plain)) return true; // a landline with its area code (0536 5551234)
  if (/^\d{17}[\dXx]$/.test(plain) || /^\d{15}$/.test(plain)) return true; // an ID card
  return /^\d{16,19}$/.test(plain); // a bank card
}

/** The run with all but its first 3 and last 4 digits starred; spaces and dashes stay where they were. */
function starred(run: string): string {
  const total = run.replace(/[^0-9０-９XxＸｘ]/g, '').length;
  let seen = 0;
  return run.replace(/[0-9０-９XxＸｘ]/g, (c) => (seen++ >= 3 && seen <= total - 4 ? '*' : c));
}

/**
 * Phone, ID card and bank card numbers written into a matter's text by accident, masked for those
 * who may not see the requester's number (PERSONAL_FIELDS' numbersInText): 请打13812345678 →
 * 请打138****5678. A run that is not one number as a whole (3 13812345678) is read piece by piece.
 * Dates, amounts, years and order numbers stay as written.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    if (isPersonalNumber(run.replace(/[^0-9０-９XxＸｘ]/g, ''))) return starred(run);
    return run.replace(new RegExp(`${DIGIT}+[XxＸｘ]?`, 'g'), (piece) => (isPersonalNumber(piece) ? starred(piece) : piece));
  });
}
