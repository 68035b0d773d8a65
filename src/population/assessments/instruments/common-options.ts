import type { ResponseOption } from './instrument.types.js';

/** PHQ and GAD family (past two weeks). */
export const PHQ_FREQUENCY: ResponseOption[] = [
  { value: 0, label: { zh: '完全不会', en: 'Not at all' } },
  { value: 1, label: { zh: '好几天', en: 'Several days' } },
  { value: 2, label: { zh: '一半以上的天数', en: 'More than half the days' } },
  { value: 3, label: { zh: '几乎每天', en: 'Nearly every day' } },
];

export const PHQ_FAMILY_LICENCE = {
  summary:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  url: 'https://www.phqscreeners.com/',
};

export const PHQ_FAMILY_TRANSLATION_NOTE = {
  zh: '中文条目采用国内广泛使用的 PHQ 系列简体中文版本（Pfizer 中文译本）的措辞，尚未与官方文件逐字核对；正式使用前请核对。',
  en: 'Chinese items follow the widely used Simplified Chinese PHQ-family version (the Pfizer translation); not yet checked character by character against the official file. Check before production use.',
};
