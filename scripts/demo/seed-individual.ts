import { itemsOf, type Call, type DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import type { DemoVendor } from './seed-eap.js';
import type { DemoPeople } from './seed-people.js';
import { CRISIS_SCREENED, DAY, chinaDay } from './seed-population.js';

const HOUR = 3_600_000;

/** Who is on crisis duty (值班) for enterprise `index`: its own counsellor, else the city's supervisor or counsellor. */
const onDuty = (index: number, week: number) =>
  index === 0 && week === 0 ? 'counsellor' : index === 1 && week === 0 ? 'counsellor2' : index < 8 ? 'supervisor' : index < 16 ? 'counsellor3' : 'counsellor4';

/** 点 · the duty roster, before anything opens a crisis case: every enterprise union has someone on duty this week and next. */
export async function seedDutyRoster(api: DemoApi, people: DemoPeople): Promise<void> {
  const admin = await api.as('admin');
  for (const [index, orgUnitId] of people.enterprises.entries()) {
    for (const week of [0, 1]) {
      const userId = people.actors[onDuty(index, week)].userId;
      await admin('POST', '/duty-shifts', { orgUnitId, userId, startsAt: chinaDay(week * 7 - 1, 8, 30), endsAt: chinaDay(week * 7 + 6, 8, 30) });
    }
  }
}

const SAFETY_PLAN = {
  warningSigns: ['连续几天睡不着、不想吃饭', '觉得自己是家里的负担', '一个人在宿舍喝闷酒'],
  internalCoping: ['做三分钟呼吸放松练习', '出门沿江边走一走', '听喜欢的老歌'],
  socialContacts: [{ name: '车间同事老张', phone: '13800138001' }, { name: '小区篮球场' }],
  peopleToAsk: [{ name: '妻子', phone: '13900139002' }, { name: '班组长 王师傅', phone: '13700137003' }],
  professionals: [{ name: '工会心理咨询师 李心怡', phone: '0571-8765-4321' }, { name: '市精神卫生中心心理门诊', phone: '0571-8888-0120' }],
  environmentSafety: ['把家里备用的安眠药交给妻子保管', '不在情绪低落时独自开车'],
  reasonsForLiving: '女儿明年就要上小学了，我想送她去第一天。',
};

/**
 * 点 · crisis cases in every state, referrals with follow-ups (a hospital, and an EAP vendor through the EAP module), and a
 * critical incident with its affected group and aftercare sessions. The cases opened by the three crisis screenings
 * of the population seed are already in the counsellor's queue (the job queue opened them).
 */
export async function seedIndividual(api: DemoApi, backstage: Backstage, people: DemoPeople, vendors: DemoVendor[]): Promise<void> {
  const counsellor = await api.as('counsellor');
  const supervisor = await api.as('supervisor');
  const now = Date.now();
  const worker = (index: number) => people.workerIds[index];

  // Cases the crisis screenings opened (source: assessment), assigned by the duty roster.
  await backstage.runJobs();
  const screened = itemsOf(await counsellor('GET', '/crisis-cases?pageSize=100')).filter((c) => (c.source as { type: string }).type === 'assessment');
  const caseOf = (index: number) => {
    const found = screened.find((c) => c.workerId === worker(index));
    if (!found) throw new Error(`demo seed: no crisis case opened from the screening of worker #${index}`);
    return String(found.id);
  };
  const [overdue, acknowledged] = CRISIS_SCREENED.map(caseOf);
  // One came in on the night before yesterday and nobody acknowledged it: overdue, escalated to the city's supervisor.
  const openedAt = new Date(now - 30 * HOUR);
  const dueAt = new Date(now - 6 * HOUR);
  await backstage.backdate('crisis_cases', overdue, { created_at: openedAt, due_at: dueAt, next_escalation_at: dueAt });
  await backstage.escalateCrisisCase(overdue, 'urgent', dueAt);
  await counsellor('POST', `/crisis-cases/${acknowledged}/acknowledge`);
  // The third stays open, within its 24-hour deadline.

  const open = async (index: number, level: string, reason: string, daysAgo: number) => {
    const opened = await counsellor('POST', '/crisis-cases', { workerId: worker(index), level, reason });
    const id = String(opened.id);
    await backstage.backdate('crisis_cases', id, { created_at: new Date(now - daysAgo * DAY), due_at: new Date(now - daysAgo * DAY + DAY), acknowledged_at: new Date(now - daysAgo * DAY + HOUR) });
    await counsellor('POST', `/crisis-cases/${id}/transition`, { to: 'in_progress' });
    return id;
  };
  const note = (id: string, body: string) => counsellor('POST', `/crisis-cases/${id}/notes`, { body });

  // In progress, referred to a hospital: notes, a risk assessment, a safety plan; the referral's first follow-up done.
  const hospitalCase = await open(14, 'urgent', '家属来电：近两周情绪低落、失眠，曾说“活着没意思”。', 12);
  await note(hospitalCase, '首次面谈：母亲去世后持续低落，睡眠差，工作中两次出错被批评。否认具体计划，愿意接受帮助。');
  await counsellor('POST', `/crisis-cases/${hospitalCase}/risk-assessments`, {
    ideation: 'active', plan: 'vague', intent: 'none', pastAttempts: 'none', protectiveFactors: ['family', 'children', 'engaged_in_care'], judgement: 'urgent',
    note: '有主动的消极想法，计划模糊，否认意图；家庭支持较好。建议精神科评估。',
  });
  await counsellor('POST', `/crisis-cases/${hospitalCase}/safety-plans`, SAFETY_PLAN);
  await note(hospitalCase, '与本人共同制定安全计划，妻子知情并同意保管药物。已征得同意转介市精神卫生中心。');
  await counsellor('POST', `/workers/${worker(14)}/consents`, { purpose: 'counselling', granted: true, onPaper: true, note: '纸质知情同意书（转介医院）' });
  const hospital = await counsellor('POST', '/referrals', { caseId: hospitalCase, providerType: 'hospital', providerName: '东湖市精神卫生中心 心理门诊', reason: '抑郁症状加重伴消极观念，需精神科评估与药物治疗。' });
  const hospitalReferral = String(hospital.id);
  await counsellor('POST', `/referrals/${hospitalReferral}/send`);
  await counsellor('POST', `/referrals/${hospitalReferral}/transition`, { to: 'accepted', note: '已预约周三上午门诊。' });
  await counsellor('POST', `/referrals/${hospitalReferral}/transition`, { to: 'attended', note: '已就诊，医生建议规律服药并两周复诊。' });
  await backdateFollowUps(counsellor, backstage, hospitalReferral, now - 10 * DAY);
  const firstFollowUp = itemsOf(await counsellor('GET', '/follow-ups?status=open')).find((f) => f.referralId === hospitalReferral);
  if (firstFollowUp) await counsellor('POST', `/follow-ups/${String(firstFollowUp.id)}/complete`, { contactMade: true, note: '电话随访：按时服药，睡眠有改善，已回岗位上班。' });

  // Referred to an EAP vendor through the EAP module: consent for that vendor, preview, send; the vendor reports back.
  const eapCase = await open(17, 'concern', '主动来访：夫妻矛盾激烈，近期情绪崩溃多次，影响工作。', 9);
  await note(eapCase, '评估：无自伤观念，主要是婚姻冲突引起的急性应激。本人希望接受家庭咨询，同意转介 EAP。');
  const vendor = vendors[0];
  await counsellor('POST', `/workers/${worker(17)}/consents`, { purpose: 'eap_referral', granted: true, recipientId: vendor.id, onPaper: true, note: '同意向心晴 EAP 服务中心转介' });
  const draft = await counsellor('POST', '/referrals', { caseId: eapCase, providerType: 'eap_vendor', vendorId: vendor.id, reason: '婚姻冲突引起的急性应激，需家庭咨询。' });
  const eap = await counsellor('POST', '/eap/referrals', {
    workerId: worker(17),
    vendorId: vendor.id,
    service: 'family_counselling',
    urgency: 'priority',
    contactPreference: { channel: 'via_counsellor', bestTime: '工作日晚上' },
    summary: '职工近期家庭关系紧张，情绪波动大，希望接受夫妻共同参加的家庭咨询。无自伤风险。',
    individualReferralId: String(draft.id),
  });
  const eapId = String(eap.id);
  const preview = await counsellor('GET', `/eap/referrals/${eapId}/preview`);
  const sent = await counsellor('POST', `/eap/referrals/${eapId}/send`, { previewSha256: preview.sha256 });
  await backdateFollowUps(counsellor, backstage, String(draft.id), now - 9 * DAY);
  const vendorApi = api.asVendor(vendor.apiKey);
  const vendorRef = String(sent.vendorRef);
  await vendorApi('POST', `/vendor/referrals/${vendorRef}/outcomes`, { type: 'accepted', note: '已与咨询师约定首次家庭咨询时间。' });
  await vendorApi('POST', `/vendor/referrals/${vendorRef}/outcomes`, { type: 'session_attended', sessionNumber: 1, note: '夫妻双方均到场。' });

  // Monitoring after the acute phase, and one closed.
  const monitored = await open(19, 'concern', '班组长反映：调岗后连续请假，情绪低落。', 20);
  await note(monitored, '三次面谈后情绪稳定，已适应新岗位。转入定期关注，每两周电话联系一次。');
  await counsellor('POST', `/crisis-cases/${monitored}/transition`, { to: 'monitoring' });
  const closed = await open(21, 'urgent', '同事报告：在工作群里发了告别的话。', 40);
  await note(closed, '当天联系到本人及家属，危机已解除；此后五次咨询，情况稳定。');
  await counsellor('POST', `/crisis-cases/${closed}/transition`, { to: 'closed', reason: '危机解除，连续四周随访稳定，本人同意结案。' });

  await seedIncident(supervisor, people, now);
}

/** Gives a sent referral a past: sent `sentAt`, its follow-ups due from then (the first one's task comes due now). */
async function backdateFollowUps(staff: Call, backstage: Backstage, referralId: string, sentAt: number): Promise<void> {
  await backstage.backdate('referrals', referralId, { sent_at: new Date(sentAt), created_at: new Date(sentAt - HOUR) });
  const followUps = itemsOf(await staff('GET', '/follow-ups?status=upcoming&pageSize=100')).filter((f) => f.referralId === referralId);
  for (const followUp of followUps) {
    const dueAt = new Date(new Date(String(followUp.dueAt)).getTime() - (Date.now() - sentAt));
    await backstage.backdate('referral_follow_ups', String(followUp.id), { due_at: dueAt });
    await backstage.rescheduleJob(`referral.follow_up.due:${String(followUp.id)}`, dueAt);
  }
  await backstage.runJobs();
}

/** 善后处理: a roof fall at the coal mine ten days ago; first aid the next day, a group debriefing, re-screening opened. */
async function seedIncident(supervisor: Call, people: DemoPeople, now: number): Promise<void> {
  const mine = people.enterprises[7];
  const recorded = await supervisor('POST', '/incidents', {
    type: 'serious_accident',
    title: '金山煤矿井下冒顶事故',
    description: '二采区掘进工作面发生局部冒顶，一名工友重伤，同班组十余人参与救援。',
    occurredAt: new Date(now - 10 * DAY).toISOString(),
    orgUnitId: mine,
  });
  const id = (recorded.incident as { id: string }).id;
  const affected = itemsOf(await supervisor('GET', `/incidents/${id}/workers?pageSize=100`)).map((w) => String(w.workerId));
  const firstAid = await supervisor('POST', `/incidents/${id}/sessions`, { kind: 'psychological_first_aid', startsAt: new Date(now - 9 * DAY).toISOString(), location: '矿区职工之家', facilitatorId: people.actors.supervisor.userId });
  await supervisor('POST', `/incidents/${id}/sessions/${String(firstAid.id)}/attendance`, { workerIds: affected.slice(0, Math.ceil(affected.length * 0.6)), attended: true });
  const debriefing = await supervisor('POST', `/incidents/${id}/sessions`, { kind: 'group_debriefing', startsAt: new Date(now - 6 * DAY).toISOString(), location: '矿区会议室', facilitatorId: people.actors.supervisor.userId });
  await supervisor('POST', `/incidents/${id}/sessions/${String(debriefing.id)}/attendance`, { workerIds: affected.slice(0, 12), attended: true });
  await supervisor('POST', `/incidents/${id}/sessions`, { kind: 'group_debriefing', startsAt: chinaDay(3, 15), location: '矿区会议室', facilitatorId: people.actors.supervisor.userId });
}
