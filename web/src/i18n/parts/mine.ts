import type { Strings } from '../strings';

/** The worker's own pages added with the individual tier, the service desk and care programmes. */
export const zh = {
  mine: {
    tiles: { requests: '向工会提出诉求，查看回复' },
    individual: {
      plan: '我的安全计划',
      planIntro: '这是你和心理服务人员一起制定的安全计划。难受的时候，可以按顺序试一试下面的方法。',
      planUpdated: '最近更新：{{date}}',
      noPlan: '你目前还没有安全计划。需要的时候，心理服务人员会和你一起制定；想找人聊聊，可以点下面的按钮，我们会尽快联系你。',
      referrals: '为你安排的转介与帮扶',
      since: '自 {{date}} 起',
    },
  },
};

export const en: Strings<typeof zh> = {
  mine: {
    tiles: { requests: 'Ask the union for help and see the replies' },
    individual: {
      plan: 'My safety plan',
      planIntro:
        'This is the safety plan you made with a counsellor. When things get hard, try the steps below in order.',
      planUpdated: 'Last updated {{date}}',
      noPlan: 'You have no safety plan yet. When it would help, a counsellor will make one with you; to talk to someone, press the button below and we will contact you soon.',
      referrals: 'Referrals arranged for you',
      since: 'since {{date}}',
    },
  },
};
