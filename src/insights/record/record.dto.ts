import type { ConsentsDto } from '../../people/consents/consent.dto.js';
import type { MyIndividualDto, RecordIndividualDto } from './record-individual.dto.js';
import type { CounsellingHistoryDto } from '../../population/counselling/dto/counselling.dto.js';
import type { OnlineCounsellingHistoryItemDto } from '../../population/online-counselling/dto/online-counselling.dto.js';
import type { LearningHistoryDto } from '../../population/education/dto/report.dto.js';
import type { GroupHistoryDto } from '../../population/groups/dto/meeting.dto.js';
import type { ProgrammeHistoryDto } from '../../subgroups/programmes/dto/enrolment.dto.js';

export class RecordTextDto {
  zh: string;
  en: string;
}

export class RecordResultDto {
  id: string;
  at: string;
  instrumentVersion: string;
  totalScore: number | null;
  percentScore: number | null;
  band: string | null;
  bandLabel: RecordTextDto | null;
  subscales: Record<string, number> | null;
  subscaleBands: Record<string, string> | null;
  crisis: boolean;
  campaignId: string | null;
  source: 'self' | 'staff';
  /** Since the previous result of the instrument: on the percentage for WHO-5, on the total otherwise. */
  change: number | null;
  /** PHQ-9 ≥ 5 points, GAD-7 ≥ 4, WHO-5 ≥ 10 percentage points; null without a previous result or a threshold. */
  reliableChange: boolean | null;
  direction: 'improved' | 'worsened' | 'no_change' | null;
}

export class RecordSubscaleDto {
  code: string;
  name: RecordTextDto;
}

export class RecordInstrumentDto {
  instrumentCode: string;
  name: RecordTextDto;
  /** The instrument's subscales, whose scores each result carries in `subscales` (their trends). */
  subscales: RecordSubscaleDto[];
  /** Oldest first. */
  results: RecordResultDto[];
}

export class RecordWorkerDto {
  id: string;
  name: string;
  orgUnitId: string;
}

/**
 * 心理档案: the composed view of one worker, gathered from each module's exported query service. Later issues add
 * their parts (programmes, counselling, cases, referrals) as further fields.
 */
export class WorkerRecordDto {
  worker: RecordWorkerDto;
  assessments: RecordInstrumentDto[];
  /** 心理健康教育: courses and lectures. */
  learning: LearningHistoryDto;
  /** 自助团体 memberships. */
  groups: GroupHistoryDto[];
  /** 心理咨询: appointments; session notes only for clinical staff who may read them. */
  counselling: CounsellingHistoryDto;
  /** 线上心理疏导: conversations and their messages (the text for the worker and clinical staff). */
  onlineCounselling: OnlineCounsellingHistoryItemDto[];
  /** 点: crisis cases (state and level), referrals (state) and the current safety plan. */
  individual: RecordIndividualDto;
  /** 线: care programmes the worker was enrolled in (sensitive ones for clinical staff in scope only). */
  programmes: ProgrammeHistoryDto[];
  consents: ConsentsDto;
  generatedAt: string;
}

export class MyRecordResultDto {
  id: string;
  at: string;
  totalScore: number | null;
  percentScore: number | null;
  /** What the result means, in plain words (no diagnostic labels). */
  summary: RecordTextDto;
  change: number | null;
  /** How it compares with last time, in plain words; null for the first result. */
  changeSummary: RecordTextDto | null;
}

export class MyRecordInstrumentDto {
  instrumentCode: string;
  name: RecordTextDto;
  results: MyRecordResultDto[];
}

/** The worker's own record, in plain language. */
export class MyRecordDto {
  assessments: MyRecordInstrumentDto[];
  learning: LearningHistoryDto;
  groups: GroupHistoryDto[];
  counselling: CounsellingHistoryDto;
  /** 线上心理疏导: conversations and their messages (the text for the worker and clinical staff). */
  onlineCounselling: OnlineCounsellingHistoryItemDto[];
  /** Your safety plan and your open referrals, in plain words. */
  individual: MyIndividualDto;
  programmes: ProgrammeHistoryDto[];
  consents: ConsentsDto;
  generatedAt: string;
}
