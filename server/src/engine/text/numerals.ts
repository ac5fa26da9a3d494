const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral (一百二十三, 两千零五, 十, 三万四千) or of ASCII digits; null when the
 * text is not a whole numeral.
 */
export function parseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch];
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      const unit = ch === '万' ? 1e4 : 1e8;
      section += digit < 0 ? 0 : digit;
      total = (total + (section === 0 ? 1 : section)) * unit;
      section = 0;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十 (the section and sub-item numerals). */
export function numeralOf(n: number): string {
  if (n >= 0 && n <= 10) return NUMERALS[n];
  if (n < 20) return '十' + NUMERALS[n - 10];
  return String(n);
}
