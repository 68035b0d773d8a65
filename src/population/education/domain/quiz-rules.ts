import { badRequest, conflict } from '../../../platform/errors/domain-error.js';

export const QUIZ_KINDS = ['knowledge', 'literacy'] as const;
/** `knowledge`: a lesson quiz with a passing score, retakable. `literacy`: the 心理健康素养 check, once before and once after. */
export type QuizKind = (typeof QUIZ_KINDS)[number];

export interface QuizQuestion {
  prompt: string;
  options: string[];
  /** Index of the correct option. */
  answer: number;
  points: number;
}

export interface QuizScore {
  score: number;
  maxScore: number;
  /** 0–100, one decimal. */
  percent: number;
  /** Per question, in order. */
  correct: boolean[];
}

/** Refuses questions whose answer is not one of their options (400 QUIZ_ANSWER_OUT_OF_RANGE). */
export function validateQuestions(questions: readonly QuizQuestion[]): void {
  questions.forEach((question, index) => {
    if (!Number.isInteger(question.answer) || question.answer < 0 || question.answer >= question.options.length) {
      throw badRequest(
        'QUIZ_ANSWER_OUT_OF_RANGE',
        `第 ${index + 1} 题的答案不在选项范围内`,
        `Question ${index + 1}: the answer is not one of its options`,
        { question: index + 1 },
      );
    }
  });
}

/** Scores answers (one option index per question, in order) against the key. */
export function scoreQuiz(questions: readonly QuizQuestion[], answers: readonly number[]): QuizScore {
  if (answers.length !== questions.length) {
    throw badRequest(
      'QUIZ_ANSWER_COUNT',
      `须回答全部 ${questions.length} 道题`,
      `Answer all ${questions.length} questions (got ${answers.length})`,
      { expected: questions.length, received: answers.length },
    );
  }
  const correct = questions.map((question, i) => answers[i] === question.answer);
  const maxScore = questions.reduce((sum, q) => sum + q.points, 0);
  const score = questions.reduce((sum, q, i) => sum + (correct[i] ? q.points : 0), 0);
  return { score, maxScore, percent: maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0, correct };
}

/** Passing is reaching the passing score (percent), inclusive. */
export const hasPassed = (percent: number, passingScore: number): boolean => percent >= passingScore;

export type LiteracyPhase = 'pre' | 'post';

/**
 * Which literacy check a worker is taking: `pre` until the course is complete, `post` after. Each is taken once, so
 * the pre/post pairs the course report compares are honest (409 otherwise).
 */
export function literacyPhase(courseCompleted: boolean, taken: { pre: boolean; post: boolean }): LiteracyPhase {
  if (!courseCompleted) {
    if (taken.pre) {
      throw conflict('LITERACY_PRE_DONE', '课前素养测查已完成，请学完课程后再做课后测查', 'The pre-course literacy check is done; take the post-course check after completing the course');
    }
    return 'pre';
  }
  if (taken.post) throw conflict('LITERACY_POST_DONE', '课后素养测查已完成', 'The post-course literacy check is already done');
  return 'post';
}
