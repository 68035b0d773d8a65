import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, CHANNELS, URGENCIES, URGENCY_LABELS } from './domain/categories.js';
import { REQUEST_STATUSES, STATUS_LABELS } from './domain/request-state.js';
import type { VocabularyDto } from './dto/request.dto.js';

/** The desk's codes with their labels, for forms and filters. */
export function deskVocabulary(): VocabularyDto {
  return {
    categories: CATEGORIES.map((code) => ({ code, zh: CATEGORY_LABELS[code].zh, en: CATEGORY_LABELS[code].en })),
    channels: CHANNELS.map((code) => ({ code, ...CHANNEL_LABELS[code] })),
    urgencies: URGENCIES.map((code) => ({ code, ...URGENCY_LABELS[code] })),
    statuses: REQUEST_STATUSES.map((code) => ({ code, ...STATUS_LABELS[code] })),
  };
}
