// The date as the memo prints it: day, Thai month name, Buddhist-Era year, in the style's digits
// (ThaiText's ThaiDate does the same for the PDF).
import { thaiDigits } from './dom.js';

export const MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
];

function daysIn(month, year) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** {year, month, day} of an ISO date that exists, else null (as ThaiDate(iso:) reads it). */
export function parseISO(s) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s || '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null;
  return { year, month, day };
}

/** `2026-03-05` → `๕ มีนาคม ๒๕๖๙` (digits: 'thai' or 'arabic'); other text as it is written. */
export function printedDate(s, digits = 'thai') {
  const d = parseISO(s);
  if (!d) return s || '';
  const text = `${d.day} ${MONTHS[d.month - 1]} ${d.year + 543}`;
  return digits === 'arabic' ? text : thaiDigits(text);
}
