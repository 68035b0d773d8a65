import type { Strings } from '../strings';

/** 点: editing a referral draft and who is on crisis duty (issue #18). */
export const zh = {
  referralEdit: {
    open: '修改草稿',
    title: '修改转介草稿',
    reasonHint: '转介原因只在本系统内可见；发送前可以随时修改。',
    saved: '已保存转介草稿',
    worker: '职工',
    owner: '负责人',
    noOwner: '尚未指定',
  },
  onDuty: {
    title: '当前危机值班',
    unit: '值班单位',
    nobody: '本单位现在无人值班：新的危机个案将等待分派，并通知督导。',
  },
};

export const en: Strings<typeof zh> = {
  referralEdit: {
    open: 'Edit draft',
    title: 'Edit the referral draft',
    reasonHint: 'The reason stays within this system; you can change it until the referral is sent.',
    saved: 'Referral draft saved',
    worker: 'Worker',
    owner: 'Responsible',
    noOwner: 'Not yet assigned',
  },
  onDuty: {
    title: 'On crisis duty now',
    unit: 'Duty unit',
    nobody: 'Nobody is on duty for this unit now: new crisis cases wait to be assigned and supervisors are told.',
  },
};
