import type { CampaignDto, CampaignStatus } from '../dto/campaign.dto.js';
import type { ScreeningCampaign } from '../entities/screening-campaign.entity.js';

export function campaignStatus(c: ScreeningCampaign, now: Date): CampaignStatus {
  if (c.closedAt || now >= c.closesAt) return 'closed';
  return now >= c.opensAt ? 'open' : 'scheduled';
}

export const toCampaignDto = (c: ScreeningCampaign, targetUnitIds: string[], now: Date): CampaignDto => ({
  id: c.id,
  orgUnitId: c.orgUnitId,
  title: c.title,
  description: c.description,
  instrumentCodes: c.instrumentCodes,
  targetUnitIds,
  audience: c.audience,
  filters: c.filters,
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  closedAt: c.closedAt ? c.closedAt.toISOString() : null,
  status: campaignStatus(c, now),
  reminderIntervalDays: c.reminderIntervalDays,
  createdBy: c.createdBy,
  createdAt: c.createdAt.toISOString(),
});
