import { IsOptional, IsUUID } from 'class-validator';
import { DisclosureDto } from '../../platform/reporting/disclosure.dto.js';

export class UtilisationQueryDto {
  @IsOptional() @IsUUID()
  vendorId?: string;

  @IsOptional() @IsUUID()
  orgUnitId?: string;
}

/** A figure left out of a row, and why. */
export class WithheldFigureDto {
  field: string;
  /** `fewer_than_k`: fewer than k referrals (or workers with a session) behind it. */
  reason: 'fewer_than_k';
}

/**
 * One contract's utilisation. EAP staff (who read the referrals) get exact figures; everyone else (officials,
 * administrators) gets them perturbed by cell-key perturbation, null where withheld (listed in `withheld`).
 */
export class ContractUtilisationDto {
  contractId: string;
  reference: string;
  vendorId: string;
  vendorName: string;
  orgUnitId: string;
  startsOn: string;
  endsOn: string;
  status: string;
  /** False: counts perturbed within ± `disclosure.maxError` (usually ±2), rates and times perturbed too. */
  exact: boolean;
  /** How the figures are protected; null when exact. */
  disclosure: DisclosureDto | null;
  /** Figures withheld (null in this row), with the reason. */
  withheld: WithheldFigureDto[];
  referralsSent: number | null;
  accepted: number | null;
  declined: number | null;
  acceptanceRate: number | null;
  open: number | null;
  completed: number | null;
  droppedOut: number | null;
  withdrawn: number | null;
  completionRate: number | null;
  sessionsUsed: number | null;
  /** The contract's quota (its terms: exact). */
  sessionsQuota: number;
  sessionsRemaining: number | null;
  sessionsBeyondQuota: number | null;
  quotaUsedRate: number | null;
  daysToFirstSessionMedian: number | null;
  daysToFirstSessionMean: number | null;
  withFirstSession: number | null;
  /** The contract's price (its terms: exact). */
  pricePerSessionCents: number;
  costCents: number | null;
}
