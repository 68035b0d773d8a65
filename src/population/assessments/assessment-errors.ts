import { badRequest, conflict, type DomainError } from '../../platform/errors/domain-error.js';
import type { AnswerProblem } from './scoring/score.js';

/** Stable error codes of the assessments module (HTTP shape: `{statusCode, code, message, …details}`). */
export const AssessmentErrors = {
  unknownInstrument: (code: string) =>
    badRequest('UNKNOWN_INSTRUMENT', `未知的量表：${code}`, `Unknown instrument: ${code}`, { instrumentCode: code }),

  /** 400 naming the item at fault. */
  answers(instrumentCode: string, problem: AnswerProblem): DomainError {
    switch (problem.kind) {
      case 'not_a_list':
        return badRequest('ANSWERS_NOT_A_LIST', '答案须为按题目顺序排列的数值列表', 'answers must be a list of values in item order', { instrumentCode });
      case 'missing':
        return badRequest(
          'ANSWER_MISSING',
          `缺少第 ${problem.item} 题的答案（${instrumentCode} 共 ${problem.expected} 题，收到 ${problem.received} 个答案）`,
          `Missing an answer for item ${problem.item} (${instrumentCode} has ${problem.expected} items, got ${problem.received} answers)`,
          { instrumentCode, ...problem },
        );
      case 'extra':
        return badRequest(
          'ANSWER_EXTRA',
          `第 ${problem.item} 题不存在（${instrumentCode} 共 ${problem.expected} 题，收到 ${problem.received} 个答案）`,
          `Item ${problem.item} does not exist (${instrumentCode} has ${problem.expected} items, got ${problem.received} answers)`,
          { instrumentCode, ...problem },
        );
      case 'invalid':
        return badRequest(
          'ANSWER_INVALID',
          `第 ${problem.item} 题的答案 ${JSON.stringify(problem.value)} 无效，可选值：${problem.allowed.join('、')}`,
          `Item ${problem.item}: ${JSON.stringify(problem.value)} is not one of ${problem.allowed.join(', ')}`,
          { instrumentCode, ...problem },
        );
      case 'too_many_missing':
        return badRequest(
          'ANSWERS_MISSING',
          `${instrumentCode} 有 ${problem.missing} 题未作答，最多允许 ${problem.allowed} 题（且每个分量表至少答一题）`,
          `${instrumentCode}: ${problem.missing} items unanswered, at most ${problem.allowed} allowed (and at least one per subscale)`,
          { instrumentCode, ...problem },
        );
    }
  },

  campaignNotOpen: () => conflict('CAMPAIGN_NOT_OPEN', '该测评活动当前未开放', 'This campaign is not open'),
  instrumentNotInCampaign: (code: string) =>
    badRequest('INSTRUMENT_NOT_IN_CAMPAIGN', `该测评活动不包含量表 ${code}`, `This campaign does not include ${code}`, { instrumentCode: code }),
  alreadyAnswered: (code: string) =>
    conflict('CAMPAIGN_ALREADY_ANSWERED', `已在该测评活动中完成过 ${code}`, `${code} has already been answered in this campaign`, { instrumentCode: code }),
  campaignDates: () =>
    badRequest('CAMPAIGN_DATES_INVALID', '结束时间须晚于开始时间', 'closesAt must be after opensAt'),
  birthYears: () =>
    badRequest('CAMPAIGN_FILTER_INVALID', '出生年份范围无效（起始年份不能晚于结束年份）', 'birthYearFrom must not be after birthYearTo'),
  campaignClosed: () => conflict('CAMPAIGN_CLOSED', '该测评活动已结束', 'This campaign is already closed'),
};
