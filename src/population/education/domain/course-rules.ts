import type { Transitions } from '../../../platform/state-machine.js';

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** Lessons and quizzes are added while a course is a draft; once published its content is fixed (progress depends on it). */
export const COURSE_TRANSITIONS: Transitions<CourseStatus> = {
  draft: ['published', 'archived'],
  published: ['archived'],
  archived: [],
};

export interface ProgressInput {
  lessonIds: readonly string[];
  completedLessonIds: readonly string[];
  /** Knowledge quizzes (with a passing score); the literacy check never gates completion. */
  quizIds: readonly string[];
  passedQuizIds: readonly string[];
}

export interface Progress {
  lessonsTotal: number;
  lessonsCompleted: number;
  quizzesTotal: number;
  quizzesPassed: number;
  complete: boolean;
}

/** A course is complete when every lesson is done and every knowledge quiz has been passed at least once. */
export function courseProgress(input: ProgressInput): Progress {
  const done = new Set(input.completedLessonIds);
  const passed = new Set(input.passedQuizIds);
  const lessonsCompleted = input.lessonIds.filter((id) => done.has(id)).length;
  const quizzesPassed = input.quizIds.filter((id) => passed.has(id)).length;
  return {
    lessonsTotal: input.lessonIds.length,
    lessonsCompleted,
    quizzesTotal: input.quizIds.length,
    quizzesPassed,
    complete: input.lessonIds.length > 0 && lessonsCompleted === input.lessonIds.length && quizzesPassed === input.quizIds.length,
  };
}

/** A text lesson needs its text; a video or material lesson needs its link (400 otherwise). */
export function lessonContentProblem(kind: 'text' | 'video' | 'material', body: string | null | undefined, url: string | null | undefined): string | null {
  if (kind === 'text' && !body?.trim()) return 'LESSON_BODY_REQUIRED';
  if (kind !== 'text' && !url) return 'LESSON_URL_REQUIRED';
  return null;
}
