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
