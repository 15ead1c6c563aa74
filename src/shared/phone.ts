/**
 * Phone numbers (pure): a mainland mobile number (1[3-9] + 9 digits) or a landline with its area code
 * (0 + 2–3 digits, an optional hyphen, 7–8 digits, an optional extension). A masked value sent back unchanged
 * by a form (138****5678) is accepted too: the server keeps the stored number.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const MASKED = /^\d{3}\*{4}\d{4}$/;

export type PhoneKind = 'mobile' | 'landline' | 'masked';

/** The kind of a well-formed phone number (spaces ignored), or null when it is malformed. */
export function phoneKind(value: string): PhoneKind | null {
  const s = value.replace(/\s+/g, '');
  if (MOBILE.test(s)) return 'mobile';
  if (LANDLINE.test(s)) return 'landline';
  if (MASKED.test(s)) return 'masked';
  return null;
}

export const PHONE_MESSAGE = {
  zh: '电话号码格式不正确：应为 11 位手机号（1 开头）或带区号的固定电话（如 0719-1234567）',
  en: 'Malformed phone number: an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 0719-1234567)',
};
