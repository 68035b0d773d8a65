import type { ActivityDto } from './dto/activity.dto.js';
import type { ProgrammeDto, SubgroupDto, ProgrammeTextDto } from './dto/programme.dto.js';
import type { CareProgramme } from './entities/care-programme.entity.js';
import type { ProgrammeActivity } from './entities/programme-activity.entity.js';
import type { Subgroup } from './entities/subgroup.entity.js';

export const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const subgroupName = (s: Subgroup | undefined, code: string): ProgrammeTextDto => (s ? { zh: s.nameZh, en: s.nameEn } : { zh: code, en: code });

export const toSubgroupDto = (s: Subgroup): SubgroupDto => ({
  code: s.code,
  name: { zh: s.nameZh, en: s.nameEn },
  task: { zh: s.taskZh, en: s.taskEn },
  sensitive: s.sensitive,
});

export const toProgrammeDto = (p: CareProgramme, subgroup: Subgroup | undefined): ProgrammeDto => ({
  id: p.id,
  subgroup: p.subgroupCode,
  subgroupName: subgroupName(subgroup, p.subgroupCode),
  orgUnitId: p.orgUnitId,
  title: p.title,
  description: p.description,
  eligibility: p.eligibility,
  sensitive: p.sensitive,
  autoEnrol: p.autoEnrol,
  status: p.status,
  outcomeInstruments: p.outcomeInstruments,
  activatedAt: iso(p.activatedAt),
  closedAt: iso(p.closedAt),
  createdBy: p.createdBy,
  createdAt: p.createdAt.toISOString(),
});

export const toActivityDto = (a: ProgrammeActivity): ActivityDto => ({
  id: a.id,
  programmeId: a.programmeId,
  kind: a.kind,
  title: a.title,
  scheduledAt: a.scheduledAt.toISOString(),
  responsibleId: a.responsibleId,
  status: a.status,
  instrumentCodes: a.instrumentCodes,
  phase: a.phase,
  campaignId: a.campaignId,
  courseId: a.courseId,
  eventId: a.eventId,
  createdAt: a.createdAt.toISOString(),
});
