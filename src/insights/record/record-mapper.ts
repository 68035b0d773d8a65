import type { HistoryEntry, InstrumentHistory } from '../../population/assessments/assessment-history.service.js';
import type { MyRecordInstrumentDto, RecordInstrumentDto, RecordTextDto } from './record.dto.js';

export const toRecordInstrumentDto = (h: InstrumentHistory): RecordInstrumentDto => ({
  instrumentCode: h.instrumentCode,
  name: h.name,
  subscales: h.subscales,
  results: h.entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    instrumentVersion: e.instrumentVersion,
    totalScore: e.totalScore,
    percentScore: e.percentScore,
    band: e.band,
    bandLabel: e.bandLabel,
    subscales: e.subscales,
    subscaleBands: e.subscaleBands,
    crisis: e.crisis,
    campaignId: e.campaignId,
    source: e.source,
    change: e.change,
    reliableChange: e.reliableChange,
    direction: e.direction,
  })),
});

const NO_SUMMARY: RecordTextDto = { zh: '已完成。', en: 'Completed.' };

/** The band's plain description, or for CBI each subscale's, joined; never the clinical label. */
export function plainSummary(e: HistoryEntry): RecordTextDto {
  if (e.bandPlain) return e.bandPlain;
  if (e.subscalePlain?.length) {
    return {
      zh: e.subscalePlain.map((s) => `${s.name.zh}：${s.plain.zh}`).join(''),
      en: e.subscalePlain.map((s) => `${s.name.en}: ${s.plain.en}`).join(' '),
    };
  }
  return NO_SUMMARY;
}

/** Kind words for a change; "clearly" only when the change is reliable. */
export function plainChange(e: HistoryEntry): RecordTextDto | null {
  if (e.direction === null) return null;
  if (e.direction === 'no_change' || e.reliableChange === false) return { zh: '和上次相比变化不大。', en: 'Not much change since last time.' };
  const clearly = e.reliableChange === true;
  if (e.direction === 'improved') {
    return clearly
      ? { zh: '和上次相比有明显好转。', en: 'A clear improvement since last time.' }
      : { zh: '和上次相比有所好转。', en: 'Somewhat better than last time.' };
  }
  return clearly
    ? { zh: '和上次相比明显更辛苦了，可以找心理服务人员聊一聊。', en: 'Clearly harder than last time; consider talking with a counsellor.' }
    : { zh: '和上次相比辛苦了一些。', en: 'A little harder than last time.' };
}

export const toMyRecordInstrumentDto = (h: InstrumentHistory): MyRecordInstrumentDto => ({
  instrumentCode: h.instrumentCode,
  name: h.name,
  results: h.entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    totalScore: e.totalScore,
    percentScore: e.percentScore,
    summary: plainSummary(e),
    change: e.change,
    changeSummary: plainChange(e),
  })),
});
