import type { DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import { prng } from './names.js';
import type { DemoPeople } from './seed-people.js';

export const DAY = 86_400_000;

/** A time `offset` days from today at `hour` o'clock China time (UTC+8), as ISO text. */
export const chinaDay = (offset: number, hour: number, minute = 0): string =>
  new Date(Math.floor((Date.now() + 8 * 3_600_000) / DAY) * DAY + offset * DAY + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();

const around = (random: () => number, level: number, max: number) => Math.max(0, Math.min(max, Math.round(level + (random() - 0.5) * 1.6)));
/** Answers for a PHQ-9 of roughly `level` (0 quiet … 3 severe); item 9 (thoughts of self-harm) only when `crisis`. */
const phq9 = (random: () => number, level: number, crisis = false) => [...Array.from({ length: 8 }, () => around(random, level, 3)), crisis ? 1 : 0];
const gad7 = (random: () => number, level: number) => Array.from({ length: 7 }, () => around(random, level, 3));
const who5 = (random: () => number, level: number) => Array.from({ length: 5 }, () => around(random, level, 5));

/** The colleagues (by index in `people.workerIds`) whose latest screening shows thoughts of self-harm: the individual tier opens a crisis case for each. */
export const CRISIS_SCREENED = [3, 7, 11];

/**
 * 面 tier: six months of the demo worker's results (the 心理档案 shows a trend), a quarterly screening history of
 * colleagues who consented on paper (three of them in crisis now), an open screening campaign, a course with a
 * literacy check, a lecture, a self-help group and a counsellor's week of counselling times, with the demo worker
 * taking part in each.
 */
export async function seedPopulation(api: DemoApi, backstage: Backstage, people: DemoPeople): Promise<void> {
  const random = prng(11);
  const counsellor = await api.as('counsellor');
  const worker = await api.as('worker');
  const now = Date.now();
  const submit = async (call: typeof worker, path: string, instrumentCode: string, answers: number[], at: number) => {
    const result = await call('POST', path, { instrumentCode, answers });
    await backstage.backdate('assessment_results', String(result.id), { created_at: new Date(at) });
  };

  // Levels stay below the instruments' crisis totals (PHQ-9 ≥ 20, GAD-7 ≥ 15): only the colleagues of CRISIS_SCREENED
  // are in crisis, and only in their latest screening (an old result would open a case today).
  // The demo worker: feeling better over six months.
  for (const [month, level] of [[6, 1.6], [4, 1.3], [2, 0.9], [0, 0.5]] as const) {
    const at = now - month * 30 * DAY - DAY;
    await submit(worker, '/me/assessments', 'PHQ-9', phq9(random, level), at);
    await submit(worker, '/me/assessments', 'WHO-5', who5(random, 4.2 - level), at);
    if (month % 4 === 0) await submit(worker, '/me/assessments', 'GAD-7', gad7(random, level * 0.9), at);
  }
  // Colleagues whose consent was recorded on paper: a quarter-by-quarter screening history entered by the counsellor.
  for (const [index, workerId] of people.workerIds.slice(1, 60).entries()) {
    const base = random() * 1.6;
    for (const month of [9, 6, 3, 0]) {
      const at = now - month * 30 * DAY - 2 * DAY;
      const crisis = month === 0 && CRISIS_SCREENED.includes(index + 1);
      await submit(counsellor, `/workers/${workerId}/assessments`, 'PHQ-9', phq9(random, crisis ? 2.4 : base, crisis), at);
      await submit(counsellor, `/workers/${workerId}/assessments`, 'GAD-7', gad7(random, base * 0.9), at);
    }
  }
  // The results above were back-dated; the dashboards' latest-result summary follows their new times.
  await backstage.rebuildAssessmentSummary();

  await counsellor('POST', '/campaigns', {
    title: '2026 年冬季职工心理健康测评',
    description: '年终工作繁忙，花几分钟了解一下自己最近的状态。结果只有你和心理服务人员能看到。',
    instrumentCodes: ['PHQ-9', 'GAD-7'],
    targetUnitIds: [people.enterprises[0]],
    opensAt: chinaDay(-3, 9),
    closesAt: chinaDay(27, 18),
  });

  const courseId = String((await counsellor('POST', '/education/courses', { title: '压力与情绪调适', summary: '三节短课，每节十分钟，学会识别压力、照顾情绪，并知道何时求助。', orgUnitId: people.enterprises[0] })).id);
  const lessons: string[] = [];
  for (const lesson of [
    { title: '认识压力', kind: 'text', body: '压力是身体对变化和挑战的正常反应。适度的压力让我们专注，长期过大的压力则会影响睡眠、情绪和身体健康。' },
    { title: '三分钟呼吸放松练习', kind: 'video', url: 'https://example.org/xingang/breathing.mp4' },
    { title: '何时需要寻求帮助', kind: 'text', body: '如果低落、焦虑持续两周以上，影响了工作和生活，请预约心理咨询，或拨打 12351 职工服务热线。' },
  ]) {
    lessons.push(String((await counsellor('POST', `/education/courses/${courseId}/lessons`, lesson)).id));
  }
  await counsellor('POST', `/education/courses/${courseId}/quizzes`, {
    kind: 'literacy',
    title: '心理健康素养自测',
    questions: [
      { prompt: '长期失眠、情绪低落超过两周，应该怎么做？', options: ['忍一忍就好', '寻求专业帮助', '多喝酒放松'], answer: 1 },
      { prompt: '心理咨询的内容会被随意公开吗？', options: ['会', '不会，受保密原则保护'], answer: 1 },
    ],
  });
  await counsellor('POST', `/education/courses/${courseId}/status`, { status: 'published' });
  await worker('POST', `/me/courses/${courseId}/enrol`);
  await worker('POST', `/me/courses/${courseId}/lessons/${lessons[0]}/complete`);

  const lecture = await counsellor('POST', '/education/events', {
    kind: 'lecture',
    title: '讲座：倒班职工的睡眠与情绪管理',
    description: '心理咨询师现场讲解，并留出时间答疑。',
    orgUnitId: people.enterprises[0],
    startsAt: chinaDay(5, 14),
    endsAt: chinaDay(5, 16),
    place: '职工之家多功能厅',
    capacity: 80,
  });
  await worker('POST', `/me/events/${String(lecture.id)}/register`);
  await counsellor('POST', '/groups', {
    name: '倒班职工互助小组',
    topic: 'shift_workers',
    description: '每两周一次，聊聊倒班带来的睡眠和家庭安排上的难处，互相出主意。',
    rules: '尊重每一位成员；组内分享的内容不外传；不评判、不说教；可以只听不说。',
    orgUnitId: people.enterprises[0],
    facilitatorId: people.actors.counsellor.userId,
    capacity: 12,
  });

  const slots: string[] = [];
  for (let d = 1; d <= 5; d++) {
    for (const hour of [9, 10, 14, 15]) {
      const inPerson = hour < 12;
      const slot = await counsellor('POST', '/counselling/slots', { startsAt: chinaDay(d, hour), endsAt: chinaDay(d, hour + 1), mode: inPerson ? 'in_person' : 'online', place: inPerson ? '职工服务中心心理咨询室（职工之家二楼）' : undefined });
      slots.push(String(slot.id));
    }
  }
  await worker('POST', '/me/counselling/appointments', { slotId: slots[2] });
}
