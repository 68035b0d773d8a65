import { itemsOf, type DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import type { DemoPeople } from './seed-people.js';
import { DAY, chinaDay } from './seed-population.js';

interface Activity {
  kind: 'screening' | 'group_session' | 'check_in';
  title: string;
  /** Days from now; 0 = starting as the demo comes up (so attendance and tasks can be shown). */
  inDays: number;
  instrumentCodes?: string[];
}

/** One care programme per subgroup of the 线 tier, all run by the first city's supervisor for the city's enterprises. */
const PROGRAMMES: Array<{ subgroup: string; title: string; description: string; eligibility: Record<string, unknown>; autoEnrol?: boolean; takingPart: number; activities: Activity[] }> = [
  {
    subgroup: 'leader_cadres',
    title: '领导干部心理健康维护 · 2026 年度',
    description: '面向科级、处级干部：压力管理、情绪调适与心理健康自评，帮助干部带头关注心理健康。',
    eligibility: { cadreLevel: ['section', 'division'] },
    takingPart: 10,
    activities: [
      { kind: 'screening', title: '年度心理健康自评（基线）', inDays: 0, instrumentCodes: ['WHO-5', 'PHQ-9'] },
      { kind: 'group_session', title: '干部压力管理沙龙', inDays: 0 },
      { kind: 'check_in', title: '季度一对一谈心', inDays: 21 },
    ],
  },
  {
    subgroup: 'women',
    title: '女职工孕产期与返岗心理关爱',
    description: '孕期、产假中和产假后返岗的女职工：心理关爱、互助沙龙和一对一回访。',
    eligibility: { gender: ['female'], lifeEvents: ['pregnancy', 'maternity_leave', 'returned_from_maternity', 'new_parent'] },
    autoEnrol: true,
    takingPart: 8,
    activities: [
      { kind: 'group_session', title: '返岗妈妈互助沙龙', inDays: 0 },
      { kind: 'check_in', title: '返岗第一个月电话回访', inDays: 0 },
      { kind: 'group_session', title: '孕期情绪与睡眠讲座', inDays: 10 },
    ],
  },
  {
    subgroup: 'career_change',
    title: '职业生涯变动期心理支持',
    description: '调岗、分流安置、临近退休和复工返岗的职工：变动期的心理支持与一对一回访。',
    eligibility: { employmentStatus: ['transferring', 'redundancy', 'retiring', 'returning_to_work'] },
    takingPart: 8,
    activities: [
      { kind: 'check_in', title: '变动后两周电话回访', inDays: 0 },
      { kind: 'group_session', title: '退休准备工作坊', inDays: 14 },
    ],
  },
  {
    subgroup: 'special_posts',
    title: '特殊岗位职工心理健康维护（倒班、高危作业）',
    description: '倒班、高危作业、公安应急岗位职工：定期测评、班组团体辅导与危机识别培训。',
    eligibility: { specialPost: ['shift', 'hazardous', 'police_emergency'] },
    takingPart: 12,
    activities: [
      { kind: 'screening', title: '季度心理健康测评（基线）', inDays: 0, instrumentCodes: ['PHQ-9', 'GAD-7', 'WHO-5'] },
      { kind: 'group_session', title: '倒班班组团体辅导', inDays: 0 },
      { kind: 'screening', title: '季度心理健康测评（跟踪）', inDays: 90, instrumentCodes: ['PHQ-9', 'GAD-7', 'WHO-5'] },
    ],
  },
];

const CHECK_IN_OUTCOMES = ['attended', 'attended', 'attended', 'no_show', 'unreachable'];

/**
 * 线 tier: a care programme for each of the four subgroups (rule, preview, enrolment, activities, attendance and
 * check-in tasks) and the cadre training: a course per audience with sessions, attendance, continuing-education
 * hours, an assessment that certifies, and certificates from outside.
 */
export async function seedSubgroups(api: DemoApi, backstage: Backstage, people: DemoPeople): Promise<void> {
  const supervisor = await api.as('supervisor');
  let lastStart = 0;
  const startingNow: Array<{ programmeId: string; activityId: string; kind: string; members: string[] }> = [];
  for (const programme of PROGRAMMES) {
    const { activities, takingPart, ...fields } = programme;
    const id = String((await supervisor('POST', '/programmes', { ...fields, orgUnitId: people.cities[0], outcomeInstruments: ['WHO-5'] })).id);
    await supervisor('POST', `/programmes/${id}/status`, { status: 'active' });
    const preview = await supervisor('POST', `/programmes/${id}/eligibility/preview`);
    await supervisor('POST', `/programmes/${id}/enrolments`, { expected: preview.toEnrol });
    const members = itemsOf(await supervisor('GET', `/programmes/${id}/enrolments?pageSize=100`)).map((m) => String(m.workerId));
    const accepted = members.filter((m) => m !== people.workerIds[0]).slice(0, takingPart);
    // Most demo workers have no account: they answered the invitation on paper, and staff record it.
    for (const workerId of accepted) await supervisor('POST', `/programmes/${id}/enrolments/${workerId}/answer`, { answer: 'accepted', channel: 'paper' });
    for (const activity of activities) {
      if (activity.inDays === 0) lastStart = Date.now() + 1500;
      const scheduledAt = activity.inDays === 0 ? new Date(lastStart).toISOString() : chinaDay(activity.inDays, 14, 30);
      const created = await supervisor('POST', `/programmes/${id}/activities`, { kind: activity.kind, title: activity.title, scheduledAt, instrumentCodes: activity.instrumentCodes });
      if (activity.inDays === 0) startingNow.push({ programmeId: id, activityId: String(created.id), kind: activity.kind, members: accepted });
    }
  }
  await backstage.runJobs(); // invitations
  const worker = await api.as('worker');
  for (const invitation of (await worker('GET', '/me/programmes')) as unknown as Array<Record<string, unknown>>) {
    await worker('POST', `/me/programmes/${String(invitation.programmeId)}/accept`);
  }

  await seedTraining(api, people);

  // The activities starting now: wait for their time, start them, then record who came and the check-in calls.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastStart + 200 - Date.now())));
  await backstage.runJobs();
  for (const activity of startingNow.filter((a) => a.kind === 'group_session')) {
    const present = activity.members.filter((_, i) => i % 4 !== 3);
    await supervisor('PUT', `/programmes/${activity.programmeId}/activities/${activity.activityId}/attendance`, { present, absent: activity.members.filter((m) => !present.includes(m)) });
  }
  const tasks = ((await supervisor('GET', '/programme-tasks?status=open')) as unknown as Array<Record<string, unknown>>).filter((t) => t.kind === 'check_in');
  for (const [i, task] of tasks.entries()) {
    if (i % 3 === 2) continue; // some calls still to make
    const outcome = CHECK_IN_OUTCOMES[i % CHECK_IN_OUTCOMES.length];
    await supervisor('POST', `/programme-tasks/${String(task.id)}/complete`, { outcome, note: outcome === 'attended' ? '电话联系上，近况平稳，已告知可随时预约咨询。' : '未联系上，下周再约。' });
  }
}

/** 干部培养: a provincial course for union cadres, a certifying crisis-intervention course for counsellors, outside certificates. */
async function seedTraining(api: DemoApi, people: DemoPeople): Promise<void> {
  const admin = await api.as('admin');
  const supervisor = await api.as('supervisor');
  const user = (username: string) => people.actors[username].userId;
  const ago = (days: number, hour: number) => chinaDay(-days, hour);

  const cadres = await admin('POST', '/training/courses', {
    title: '工会干部积极心理学实务',
    description: '面向各级工会干部：积极心理学基础、职工心理问题的早期识别与沟通技巧。',
    orgUnitId: people.root,
    topic: 'positive_psychology',
    methods: ['study', 'case', 'experiential'],
    audience: 'union_cadres',
  });
  const cadreSessions: Array<[string, string, number, number, number]> = [
    ['积极心理学导论', 'study', 21, 9, 3],
    ['职工心理问题早期识别：案例研讨', 'case', 14, 9, 3],
    ['沟通与倾听体验工作坊', 'experiential', -7, 9, 3.5],
  ];
  for (const [title, method, daysAgo, hour, ceHours] of cadreSessions) {
    const session = await admin('POST', `/training/courses/${String(cadres.id)}/sessions`, { title, method, startsAt: ago(daysAgo, hour), endsAt: ago(daysAgo, hour + Math.ceil(ceHours)), ceHours, place: '省总工会培训中心 301 教室' });
    if (daysAgo > 0) await admin('PUT', `/training/sessions/${String(session.id)}/attendance`, { present: [user('official'), user('supervisor'), user('counsellor3')], absent: [user('counsellor4')] });
  }

  const crisis = await supervisor('POST', '/training/courses', {
    title: '心理危机干预实务（认证课程）',
    description: '危机评估、安全计划与转介：案例研讨和情景模拟，考核合格颁发危机干预资质（两年有效）。',
    topic: 'applied_psychology',
    methods: ['case', 'simulation'],
    audience: 'counsellors',
    passingScore: 70,
    certificationType: 'crisis_intervention',
    certificationMonths: 24,
  });
  for (const [title, method, daysAgo] of [['危机评估与安全计划', 'case', 30], ['危机干预情景模拟', 'simulation', 28]] as const) {
    const session = await supervisor('POST', `/training/courses/${String(crisis.id)}/sessions`, { title, method, startsAt: ago(daysAgo, 9), endsAt: ago(daysAgo, 17), ceHours: 6, place: '东湖市职工服务中心' });
    await supervisor('PUT', `/training/sessions/${String(session.id)}/attendance`, { present: [user('counsellor'), user('counsellor2')] });
  }
  await supervisor('POST', `/training/courses/${String(crisis.id)}/assessments`, { userId: user('counsellor'), score: 88 });
  await supervisor('POST', `/training/courses/${String(crisis.id)}/assessments`, { userId: user('counsellor2'), score: 64 });

  // Certificates from outside (国家心理咨询师培训, a group-facilitation course), one of them about to expire.
  await admin('POST', '/certifications', { userId: user('counsellor3'), type: 'counselling_basic', issuedAt: new Date(Date.now() - 345 * DAY).toISOString(), validMonths: 12 });
  await admin('POST', '/certifications', { userId: user('counsellor2'), type: 'group_facilitation', issuedAt: new Date(Date.now() - 200 * DAY).toISOString(), validMonths: 36 });
}
