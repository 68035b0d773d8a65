import type { Strings } from '../strings';

/** 线: the counsellor's own programmes (covering her workers) and tasks. */
export const zh = {
  line: {
    back: '返回关爱项目',
    mine: {
      programmes: '覆盖我所负责职工的关爱项目',
      noProgrammes: '目前没有覆盖你所负责职工的关爱项目。',
      tasks: '我的关爱任务',
      noTasks: '目前没有待办的关爱任务。',
      completed: '已完成任务',
    },
    programme: {
      title: '项目',
      subgroup: '亚群体',
      unit: '主办单位',
      status: '状态',
      activities: '活动安排',
      noActivities: '还没有安排活动。',
      members: '参加的职工（你负责的范围）',
      noMembers: '你负责的职工中还没有人参加。',
    },
    status: { draft: '草稿', active: '进行中', closed: '已结束' },
    activity: { scheduled: '已安排', started: '已开始', cancelled: '已取消' },
    member: {
      invited: '已邀请',
      accepted: '已参加',
      declined: '已谢绝',
      withdrawn: '已退出',
      completed: '已完成',
    },
    task: {
      due: '截止',
      kind: '任务',
      worker: '职工',
      activity: '项目 · 活动',
      outcome: '结果',
      complete: '完成',
      kinds: {
        check_in: '回访职工',
        run_session: '组织活动',
        review_screening: '查看筛查结果',
        confirm_education: '确认学习情况',
      },
      outcomes: { attended: '已参加', no_show: '未参加', unreachable: '联系不上', done: '已完成' },
    },
  },
};

export const en: Strings<typeof zh> = {
  line: {
    back: 'Back to care programmes',
    mine: {
      programmes: 'Programmes covering my workers',
      noProgrammes: 'No programme covers your workers yet.',
      tasks: 'My programme tasks',
      noTasks: 'No programme task to do.',
      completed: 'Task done',
    },
    programme: {
      title: 'Programme',
      subgroup: 'Subgroup',
      unit: 'Run by',
      status: 'Status',
      activities: 'Activities',
      noActivities: 'No activity scheduled yet.',
      members: 'Workers taking part (your scope)',
      noMembers: 'None of your workers takes part yet.',
    },
    status: { draft: 'Draft', active: 'Active', closed: 'Closed' },
    activity: { scheduled: 'Scheduled', started: 'Started', cancelled: 'Cancelled' },
    member: {
      invited: 'Invited',
      accepted: 'Taking part',
      declined: 'Declined',
      withdrawn: 'Withdrawn',
      completed: 'Completed',
    },
    task: {
      due: 'Due',
      kind: 'Task',
      worker: 'Worker',
      activity: 'Programme · activity',
      outcome: 'Outcome',
      complete: 'Done',
      kinds: {
        check_in: 'Check in with the worker',
        run_session: 'Run the session',
        review_screening: 'Review the screening',
        confirm_education: 'Confirm the learning',
      },
      outcomes: { attended: 'Attended', no_show: 'Did not come', unreachable: 'Unreachable', done: 'Done' },
    },
  },
};
