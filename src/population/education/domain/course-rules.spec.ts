import { DomainError } from '../../../platform/errors/domain-error.js';
import { move } from '../../../platform/state-machine.js';
import { COURSE_TRANSITIONS, courseProgress, lessonContentProblem } from './course-rules.js';

describe('course status', () => {
  it('publishes a draft and archives either', () => {
    expect(move(COURSE_TRANSITIONS, 'draft', 'published')).toBe('published');
    expect(move(COURSE_TRANSITIONS, 'published', 'archived')).toBe('archived');
    expect(move(COURSE_TRANSITIONS, 'draft', 'archived')).toBe('archived');
  });

  it('refuses going back with 409 ILLEGAL_TRANSITION naming the allowed moves', () => {
    expect.assertions(4);
    try {
      move(COURSE_TRANSITIONS, 'published', 'draft');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(409);
      expect((error as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as DomainError).details).toEqual({ from: 'published', to: 'draft', allowed: ['archived'] });
    }
  });

  it('keeps archived final', () => {
    expect(() => move(COURSE_TRANSITIONS, 'archived', 'published')).toThrow(DomainError);
  });
});

describe('course progress', () => {
  const base = { lessonIds: ['l1', 'l2'], completedLessonIds: [] as string[], quizIds: ['q1'], passedQuizIds: [] as string[] };

  it('is complete only with every lesson done and every quiz passed', () => {
    expect(courseProgress(base).complete).toBe(false);
    expect(courseProgress({ ...base, completedLessonIds: ['l1', 'l2'] }).complete).toBe(false);
    expect(courseProgress({ ...base, passedQuizIds: ['q1'], completedLessonIds: ['l1'] }).complete).toBe(false);
    expect(courseProgress({ ...base, completedLessonIds: ['l2', 'l1'], passedQuizIds: ['q1'] })).toEqual({
      lessonsTotal: 2,
      lessonsCompleted: 2,
      quizzesTotal: 1,
      quizzesPassed: 1,
      complete: true,
    });
  });

  it('ignores completions of lessons no longer in the course', () => {
    expect(courseProgress({ ...base, quizIds: [], completedLessonIds: ['l1', 'gone'] })).toMatchObject({ lessonsCompleted: 1, complete: false });
  });

  it('never calls a course without lessons complete', () => {
    expect(courseProgress({ lessonIds: [], completedLessonIds: [], quizIds: [], passedQuizIds: [] }).complete).toBe(false);
  });
});

describe('lesson content', () => {
  it('needs text for a text lesson and a link for a video or material', () => {
    expect(lessonContentProblem('text', '  ', null)).toBe('LESSON_BODY_REQUIRED');
    expect(lessonContentProblem('text', '正文', null)).toBeNull();
    expect(lessonContentProblem('video', '简介', null)).toBe('LESSON_URL_REQUIRED');
    expect(lessonContentProblem('material', null, 'https://example.org/a.pdf')).toBeNull();
  });
});
