import type { CourseDto, CourseSummaryDto, LessonDto, QuizDto } from './dto/course.dto.js';
import type { EventDto, MyRegistrationDto, RosterEntryDto } from './dto/event.dto.js';
import type { EnrolmentDto } from './dto/learning.dto.js';
import { waitlistPlace, type Queued } from './domain/registration-rules.js';
import type { Course } from './entities/course.entity.js';
import type { EducationEvent } from './entities/education-event.entity.js';
import type { Enrolment } from './entities/enrolment.entity.js';
import type { EventRegistration } from './entities/event-registration.entity.js';
import type { Lesson } from './entities/lesson.entity.js';
import type { Quiz } from './entities/quiz.entity.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const toLessonDto = (lesson: Lesson): LessonDto => ({
  id: lesson.id,
  position: lesson.position,
  title: lesson.title,
  kind: lesson.kind,
  body: lesson.body,
  url: lesson.url,
});

/** `withKey`: staff see the answer key; workers never do. */
export const toQuizDto = (quiz: Quiz, withKey: boolean): QuizDto => ({
  id: quiz.id,
  kind: quiz.kind,
  title: quiz.title,
  passingScore: quiz.passingScore,
  questions: quiz.questions.map((q) => ({ prompt: q.prompt, options: q.options, points: q.points, ...(withKey ? { answer: q.answer } : {}) })),
});

export const toCourseSummaryDto = (course: Course): CourseSummaryDto => ({
  id: course.id,
  orgUnitId: course.orgUnitId,
  title: course.title,
  summary: course.summary,
  status: course.status,
  audience: course.audience ?? {},
  publishedAt: iso(course.publishedAt),
  createdAt: course.createdAt.toISOString(),
});

export const toCourseDto = (course: Course, lessons: Lesson[], quizzes: Quiz[]): CourseDto => ({
  ...toCourseSummaryDto(course),
  lessons: lessons.map(toLessonDto),
  quizzes: quizzes.map((quiz) => toQuizDto(quiz, true)),
});

export const toEnrolmentDto = (enrolment: Enrolment): EnrolmentDto => ({
  courseId: enrolment.courseId,
  status: enrolment.status,
  enrolledAt: enrolment.createdAt.toISOString(),
  completedAt: iso(enrolment.completedAt),
});

export const toEventDto = (event: EducationEvent, counts: { seated: number; waitlisted: number }): EventDto => ({
  id: event.id,
  orgUnitId: event.orgUnitId,
  kind: event.kind,
  title: event.title,
  description: event.description,
  audience: event.audience ?? {},
  startsAt: event.startsAt.toISOString(),
  endsAt: event.endsAt.toISOString(),
  place: event.place,
  onlineUrl: event.onlineUrl,
  capacity: event.capacity,
  allowWaitlist: event.allowWaitlist,
  status: event.status,
  seated: counts.seated,
  waitlisted: counts.waitlisted,
});

export const toMyRegistrationDto = (registration: EventRegistration, waitlist: readonly Queued[]): MyRegistrationDto => ({
  id: registration.id,
  eventId: registration.eventId,
  status: registration.status,
  waitlistPlace: registration.status === 'waitlisted' ? waitlistPlace(registration, waitlist) : null,
  checkedInAt: iso(registration.checkedInAt),
  rating: registration.rating,
  comment: registration.comment,
});

export const toRosterEntryDto = (
  registration: EventRegistration,
  waitlist: readonly Queued[],
  names: ReadonlyMap<string, string>,
): RosterEntryDto => ({
  registrationId: registration.id,
  workerId: registration.workerId,
  workerName: names.get(registration.workerId) ?? null,
  orgUnitId: registration.orgUnitId,
  status: registration.status,
  waitlistPlace: registration.status === 'waitlisted' ? waitlistPlace(registration, waitlist) : null,
  registeredAt: registration.createdAt.toISOString(),
  checkedInAt: iso(registration.checkedInAt),
});
