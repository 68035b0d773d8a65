import type { Strings } from '../strings';

/** 工会+EAP: referral draft → preview → send; vendors and contracts (admin). */
export const zh = {
  eap: {
    draftFor: '转介到 EAP 服务机构（先预览共享内容）',
    sendWithPreview: '预览共享内容后发送',
  },
};

export const en: Strings<typeof zh> = {
  eap: {
    draftFor: 'Refer to an EAP vendor (preview what is shared first)',
    sendWithPreview: 'Preview what is shared, then send',
  },
};
