import type { WorkerDto, WorkerSummaryDto } from './worker.dto.js';
import type { Worker } from './worker.entity.js';

/** The columns a search hit shows. */
export type WorkerSummary = Pick<Worker, 'id' | 'name' | 'orgUnitId' | 'gender' | 'birthYear' | 'employeeNo' | 'jobTitle'>;

export const toWorkerSummaryDto = (w: WorkerSummary): WorkerSummaryDto => ({
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
  phone2: w.phone2 ?? null,
  emergencyContact: w.emergencyName ? { name: w.emergencyName, relation: w.emergencyRelation ?? null, phone: w.emergencyPhone ?? null } : null,
  email: w.email,
  cadreLevel: w.cadreLevel,
  specialPost: w.specialPost,
  employmentStatus: w.employmentStatus,
  lifeEvents: w.lifeEvents ?? [],
  notes: w.notes,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

/** The profile's contact fields from an input: `emergencyContact` is three columns, `null` clears them. */
export function contactColumns(input: { phone2?: string | null; emergencyContact?: { name: string; relation?: string; phone: string } | null }): Partial<Worker> {
  const columns: Partial<Worker> = {};
  if (input.phone2 !== undefined) columns.phone2 = input.phone2?.trim() || null;
  if (input.emergencyContact !== undefined) {
    const c = input.emergencyContact;
    Object.assign(columns, { emergencyName: c?.name.trim() ?? null, emergencyRelation: c?.relation?.trim() || null, emergencyPhone: c?.phone.trim() ?? null });
  }
  return columns;
}

/** An input's columns: the plain facts as they are, the contact fields through contactColumns. */
export function profileColumns(input: { phone2?: string | null; emergencyContact?: { name: string; relation?: string; phone: string } | null }): Partial<Worker> {
  const facts: Record<string, unknown> = { ...input };
  delete facts.emergencyContact;
  return { ...(facts as Partial<Worker>), ...contactColumns(input) };
}
