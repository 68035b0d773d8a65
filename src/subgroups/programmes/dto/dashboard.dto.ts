import type { ActivityKind, ActivityStatus, ProgrammeStatus } from '../domain/programme-rules.js';
import type { ProgrammeTextDto } from './programme.dto.js';

/** A published count: null with `suppressed: true` when it (or what it would reveal) is below the minimum cell size. */
export class CountCellDto {
  /** Perturbed (cell-key perturbation, within ±20, usually ±2), or null when withheld. */
  count: number | null;
  suppressed: boolean;
  /** Always false here: every dashboard count is perturbed. */
  exact: boolean;
  /** `fewer_than_k` when withheld. */
  reason: 'fewer_than_k' | null;
}

export class EnrolmentCountsDto {
  total: CountCellDto;
  invited: CountCellDto;
  accepted: CountCellDto;
  declined: CountCellDto;
  withdrawn: CountCellDto;
  completed: CountCellDto;
  /** accepted + completed: the denominator of participation. */
  takingPart: CountCellDto;
  /** invited + declined + withdrawn. */
  notTakingPart: CountCellDto;
}

export class ActivityParticipationDto {
  activityId: string;
  kind: ActivityKind;
  title: string;
  scheduledAt: string;
  status: ActivityStatus;
  /** Workers taking part who attended, answered the screening or took part in the linked education. */
  participants: CountCellDto;
}

export class ProgrammeParticipationDto {
  /** Took part in at least one activity. */
  anyActivity: CountCellDto;
  activities: ActivityParticipationDto[];
}

export class MeanCellDto {
  n: CountCellDto;
  /** One decimal; null when fewer than the minimum cell size were measured. */
  mean: number | null;
  suppressed: boolean;
}

/** Mean score before (baseline screenings) and after (follow-ups), and the mean change of those measured both times. */
export class OutcomeDto {
  instrumentCode: string;
  /** WHO-5 on its percentage (0–100), others on the total. */
  scale: 'percent' | 'total';
  higherIsBetter: boolean;
  before: MeanCellDto;
  after: MeanCellDto;
  change: MeanCellDto;
}

/** Aggregates only, with small-cell suppression; the same for every viewer. */
export class ProgrammeDashboardDto {
  programmeId: string;
  title: string;
  subgroup: string;
  subgroupName: ProgrammeTextDto;
  orgUnitId: string;
  status: ProgrammeStatus;
  sensitive: boolean;
  /** k: counts below it are withheld. */
  minCellSize: number;
  enrolment: EnrolmentCountsDto;
  participation: ProgrammeParticipationDto;
  outcomes: OutcomeDto[];
  generatedAt: string;
}

/** A programme as officials see it in the overview: no names, one suppressed count. */
export class ProgrammeOverviewDto {
  id: string;
  title: string;
  subgroup: string;
  subgroupName: ProgrammeTextDto;
  orgUnitId: string;
  status: ProgrammeStatus;
  sensitive: boolean;
  takingPart: CountCellDto;
}
