import { IsOptional, IsUUID } from 'class-validator';

export class UtilisationQueryDto {
  @IsOptional() @IsUUID()
  vendorId?: string;

  @IsOptional() @IsUUID()
  orgUnitId?: string;
}

export class ContractUtilisationDto {
  contractId: string;
  reference: string;
  vendorId: string;
  vendorName: string;
  orgUnitId: string;
  startsOn: string;
  endsOn: string;
  status: string;
  referralsSent: number;
  accepted: number;
  declined: number;
  acceptanceRate: number | null;
  open: number;
  completed: number;
  droppedOut: number;
  withdrawn: number;
  completionRate: number | null;
  sessionsUsed: number;
  sessionsQuota: number;
  sessionsRemaining: number;
  sessionsBeyondQuota: number;
  quotaUsedRate: number;
  daysToFirstSessionMedian: number | null;
  daysToFirstSessionMean: number | null;
  withFirstSession: number;
  pricePerSessionCents: number;
  costCents: number;
}
