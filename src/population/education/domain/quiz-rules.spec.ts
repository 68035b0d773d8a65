import { DomainError } from '../../../platform/errors/domain-error.js';
import { hasPassed, literacyPhase, scoreQuiz, validateQuestions, type QuizQuestion } from './quiz-rules.js';

const questions: QuizQuestion[] = [
  { prompt: '长期失眠应当？', options: ['忍着', '寻求专业帮助'], answer: 1, points: 1 },
  { prompt: '12356 是？', options: ['心理援助热线', '天气预报'], answer: 0, points: 1 },
  { prompt: '情绪低落两周以上', options: ['正常', '需要关注', '无所谓'], answer: 1, points: 2 },
];

describe('quiz scoring', () => {
  it('scores weighted points and percent', () => {
    expect(scoreQuiz(questions, [1, 0, 1])).toEqual({ score: 4, maxScore: 4, percent: 100, correct: [true, true, true] });
    expect(scoreQuiz(questions, [0, 0, 1])).toEqual({ score: 3, maxScore: 4, percent: 75, correct: [false, true, true] });
    expect(scoreQuiz(questions, [0, 1, 0])).toEqual({ score: 0, maxScore: 4, percent: 0, correct: [false, false, false] });
  });

  it('rounds percent to one decimal', () => {
    const three = questions.map((q) => ({ ...q, points: 1 }));
    expect(scoreQuiz(three, [1, 0, 0]).percent).toBe(66.7);
  });

  it('refuses a partial answer sheet with 400 QUIZ_ANSWER_COUNT', () => {
    expect(() => scoreQuiz(questions, [1, 0])).toThrow(expect.objectContaining({ status: 400, code: 'QUIZ_ANSWER_COUNT' }));
  });

  it('passes at the passing score, inclusive', () => {
    expect(hasPassed(60, 60)).toBe(true);
    expect(hasPassed(59.9, 60)).toBe(false);
  });

  it('refuses an answer key outside the options', () => {
    expect(() => validateQuestions([{ ...questions[0], answer: 2 }])).toThrow(expect.objectContaining({ code: 'QUIZ_ANSWER_OUT_OF_RANGE' }));
    expect(() => validateQuestions(questions)).not.toThrow();
  });
});

describe('literacy check phase', () => {
  it('is pre before completion and post after, once each', () => {
    expect(literacyPhase(false, { pre: false, post: false })).toBe('pre');
    expect(literacyPhase(true, { pre: true, post: false })).toBe('post');
    expect(literacyPhase(true, { pre: false, post: false })).toBe('post');
  });

  it('refuses a second pre or post check with 409', () => {
    expect(() => literacyPhase(false, { pre: true, post: false })).toThrow(expect.objectContaining({ status: 409, code: 'LITERACY_PRE_DONE' }));
    expect(() => literacyPhase(true, { pre: true, post: true })).toThrow(DomainError);
    expect(() => literacyPhase(true, { pre: true, post: true })).toThrow(expect.objectContaining({ code: 'LITERACY_POST_DONE' }));
  });
});
