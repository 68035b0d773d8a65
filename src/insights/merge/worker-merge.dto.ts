import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { MembershipState, OccupationGroup } from '../../people/workers/worker-facts.js';
import type { MergeAction } from './worker-references.js';
import type { WorkerMergeState } from './worker-merge.entity.js';

export class DuplicateQueryDto {
  /** Only pairs with at least one profile in this unit's subtree (within the caller's scope). */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

/** One side of a pair: the roster facts staff need to tell two profiles apart (no clinical content). */
export class MergeWorkerDto {
  id: string;
  name: string;
  orgUnitId: string;
  orgUnitName: string;
  gender: string;
  birthYear: number | null;
  employeeNo: string | null;
  /** Masked (138****1234). */
  phone: string | null;
  occupationGroup: OccupationGroup;
  employer: string | null;
  membership: MembershipState;
  hasAccount: boolean;
  createdAt: string;
}

export class DuplicatePairDto {
  a: MergeWorkerDto;
  b: MergeWorkerDto;
  /** Why they look alike: `phone` (the same mobile number) and/or `name_birth_year`. */
  reasons: ('phone' | 'name_birth_year')[];
}

export class MergePreviewQueryDto {
  @IsUUID()
  keepId: string;

  @IsUUID()
  mergeId: string;
}

export class MergeRecordCountDto {
  table: string;
  column: string;
  action: MergeAction;
  /** Rows that move to the kept profile. */
  moves: number;
  /** Rows that stay with the tombstone: the kept profile already holds the same fact under a unique key. */
  stays: number;
}

export class MergeConsentDto {
  purpose: string;
  recipientId: string | null;
  keep: boolean | null;
  merge: boolean | null;
  /** The kept profile's consent after the merge: never wider than before (a withdrawal on either side wins). */
  result: boolean | null;
}

export class MergePreviewDto {
  keep: MergeWorkerDto;
  merge: MergeWorkerDto;
  records: MergeRecordCountDto[];
  consents: MergeConsentDto[];
  /** e.g. `BOTH_OPEN_CRISIS_CASES`: allowed; both cases move to the kept profile, kept separate. */
  warnings: string[];
}

export class CreateWorkerMergeDto {
  /** The profile that stays (the survivor). */
  @IsUUID()
  keepId: string;

  /** The duplicate, which becomes a tombstone pointing at the kept profile. */
  @IsUUID()
  mergeId: string;

  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class WorkerMergeDto {
  id: string;
  keepId: string;
  mergeId: string;
  keepName: string;
  mergeName: string;
  state: WorkerMergeState;
  mergedBy: string;
  reason: string | null;
  /** Rows moved per table. */
  moved: { table: string; column: string; rows: number }[];
  /** Consent withdrawals the merge added to the kept profile. */
  narrowedConsents: number;
  disabledAccounts: number;
  createdAt: string;
  undoUntil: string;
  undoneAt: string | null;
  canUndo: boolean;
}

export class WorkerMergeQueryDto {
  @IsOptional() @IsUUID()
  workerId?: string;
}
