import type { RightsRequestDto } from './dto/rights.dto.js';
import type { RightsRequest } from './entities/rights-request.entity.js';

export function toRightsRequestDto(r: RightsRequest, holds?: RightsRequestDto['holds'], workerName?: string): RightsRequestDto {
  return {
    id: r.id,
    workerId: r.workerId,
    ...(workerName !== undefined ? { workerName } : {}),
    kind: r.kind,
    status: r.status,
    change: r.change ? (JSON.parse(r.change) as { field: string; value: string }) : null,
    note: r.workerNote,
    refusalCode: r.refusalCode,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    ...(holds ? { holds } : {}),
    outcome: r.outcome,
  };
}
