import type { Strings } from '../strings';

/** The root administrators' view of the job queue: jobs that gave up, and retrying them. */
export const zh = {
  jobsAdmin: {
    nav: '任务队列',
    intro:
      '邮件、提醒、EAP 推送和事件投递都在后台任务队列中执行，失败会自动重试。这里列出重试次数用尽后已放弃的任务；排除故障（如邮件服务器不可用）后可以重新执行。',
    none: '没有已放弃的任务。',
    type: '任务类型',
    attempts: '已尝试',
    attemptsOf: '{{attempts}} / {{max}} 次',
    lastError: '最后一次错误',
    createdAt: '创建时间',
    finishedAt: '放弃时间',
    retry: '重新执行',
    retryConfirm: '重新执行该任务？它会获得新的重试次数。',
    retried: '已重新排队，将很快执行',
    kinds: { mail: '发送邮件', event: '事件投递', other: '后台任务' },
  },
};

export const en: Strings<typeof zh> = {
  jobsAdmin: {
    nav: 'Job queue',
    intro:
      'Email, reminders, EAP webhooks and event deliveries run in the background job queue and are retried when they fail. These jobs used up their attempts and gave up; once the cause is fixed (e.g. the mail server is back) run them again.',
    none: 'No job has given up.',
    type: 'Job type',
    attempts: 'Attempts',
    attemptsOf: '{{attempts}} of {{max}}',
    lastError: 'Last error',
    createdAt: 'Created',
    finishedAt: 'Gave up',
    retry: 'Run again',
    retryConfirm: 'Run this job again? It gets a fresh set of attempts.',
    retried: 'Queued again; it will run shortly',
    kinds: { mail: 'Email', event: 'Event delivery', other: 'Background job' },
  },
};
