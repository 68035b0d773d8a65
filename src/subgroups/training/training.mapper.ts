import { certificationState, minutesToHours } from './domain/certification-rules.js';
import type { CertificationDto } from './dto/certification.dto.js';
import type { TrainingAssessmentDto, TrainingCourseDto, TrainingSessionDto } from './dto/training.dto.js';
import type { Certification } from './entities/certification.entity.js';
import type { TrainingAssessment } from './entities/training-assessment.entity.js';
import type { TrainingCourse } from './entities/training-course.entity.js';
import type { TrainingSession } from './entities/training-session.entity.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const toSessionDto = (s: TrainingSession): TrainingSessionDto => ({
  id: s.id,
  courseId: s.courseId,
  title: s.title,
  method: s.method,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  ceHours: minutesToHours(s.ceMinutes),
  place: s.place,
});

export const toTrainingCourseDto = (c: TrainingCourse, sessions: TrainingSession[]): TrainingCourseDto => ({
  id: c.id,
  orgUnitId: c.orgUnitId,
  title: c.title,
  description: c.description,
  topic: c.topic,
  methods: c.methods,
  audience: c.audience,
  passingScore: c.passingScore,
  certificationType: c.certificationType,
  certificationMonths: c.certificationMonths,
  status: c.status,
  sessions: sessions.map(toSessionDto),
  createdAt: c.createdAt.toISOString(),
});

export const toCertificationDto = (c: Certification, now: Date): CertificationDto => ({
  id: c.id,
  userId: c.userId,
  type: c.type,
  issuedAt: c.issuedAt.toISOString(),
  expiresAt: c.expiresAt.toISOString(),
  state: certificationState(c, now),
  source: c.source,
  courseId: c.courseId,
  revokedAt: iso(c.revokedAt),
  expiryFlaggedAt: iso(c.expiryFlaggedAt),
});

export const toAssessmentDto = (a: TrainingAssessment, certification: CertificationDto | null): TrainingAssessmentDto => ({
  id: a.id,
  courseId: a.courseId,
  userId: a.userId,
  score: a.score,
  passed: a.passed,
  certification,
  createdAt: a.createdAt.toISOString(),
});
