import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

/** Dates as people read them: `2026年11月25日 10:00` in Chinese, `25 Nov 2026 10:00` in English. */
export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) return '';
  const d = dayjs(value);
  return language.startsWith('zh') ? d.format('YYYY年M月D日 HH:mm') : d.format('D MMM YYYY HH:mm');
}

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return '';
  const d = dayjs(value);
  return language.startsWith('zh') ? d.format('YYYY年M月D日') : d.format('D MMM YYYY');
}

/** Day and month only (chart axes): `12月9日`, `9 Dec`. */
export function formatShortDate(value: string | Date, language: string): string {
  const d = dayjs(value);
  return language.startsWith('zh') ? d.format('M月D日') : d.format('D MMM');
}

export function formatTime(value: string | Date, _language?: string): string {
  return dayjs(value).format('HH:mm');
}
