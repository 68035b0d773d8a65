import type { WorkerDto, WorkerSummaryDto } from './worker.dto.js';
import type { Worker } from './worker.entity.js';

export const toWorkerSummaryDto = (w: Worker): WorkerSummaryDto => ({
  id: w.id,
  name: w.name,
  orgUnitId: w.orgUnitId,
  gender: w.gender,
  birthYear: w.birthYear,
  employeeNo: w.employeeNo,
  jobTitle: w.jobTitle,
});

export const toWorkerDto = (w: Worker): WorkerDto => ({
  ...toWorkerSummaryDto(w),
  phone: w.phone,
  email: w.email,
  cadreLevel: w.cadreLevel,
  specialPost: w.specialPost,
  employmentStatus: w.employmentStatus,
  lifeEvents: w.lifeEvents ?? [],
  notes: w.notes,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});
