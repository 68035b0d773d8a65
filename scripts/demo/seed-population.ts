import type { DataSource } from 'typeorm';
import { dbTime } from '../../src/platform/database/db-time.js';
import type { DemoApi } from './api.js';
import { prng } from './names.js';
import type { DemoPeople } from './seed-people.js';

const DAY = 86_400_000;

/** Answers for a PHQ-9 of roughly `level` (0 quiet … 3 severe); item 9 stays 0 unless `crisis`. */
function phq9(random: () => number, level: number, crisis = false): number[] {
  const answers = Array.from({ length: 8 }, () => Math.max(0, Math.min(3, Math.round(level + (random() - 0.5) * 1.6))));
  return [...answers, crisis ? 1 : 0];
}
const gad7 = (random: () => number, level: number) => Array.from({ length: 7 }, () => Math.max(0, Math.min(3, Math.round(level + (random() - 0.5) * 1.6))));
const who5 = (random: () => number, level: number) => Array.from({ length: 5 }, () => Math.max(0, Math.min(5, Math.round(level + (random() - 0.5) * 1.6))));

/**
 * 面 tier demo data: six months of assessment history (so the 心理档案 shows trends), an open screening campaign,
 * a course with a literacy check, a lecture, a self-help group, and a counsellor's week of slots with a booking.
 */
export async function seedPopulation(api: DemoApi, dataSource: DataSource, people: DemoPeople): Promise<void> {
  const random = prng(11);
  const counsellor = await api.as('counsellor');
  const worker = await api.as('worker');
  const now = Date.now();
  const backdate = (id: unknown, at: number) =>
    dataSource.query(`UPDATE assessment_results SET created_at = ${dataSource.options.type === 'postgres' ? '$1' : '?'} WHERE id = ${dataSource.options.type === 'postgres' ? '$2' : '?'}`, [dbTime(new Date(at)), id]);

  // The demo worker: feeling better over six months.
  for (const [month, level] of [[6, 2.2], [4, 1.7], [2, 1.1], [0, 0.6]] as const) {
    const at = now - month * 30 * DAY - DAY;
    await backdate((await worker('POST', '/me/assessments', { instrumentCode: 'PHQ-9', answers: phq9(random, level) })).id, at);
    await backdate((await worker('POST', '/me/assessments', { instrumentCode: 'WHO-5', answers: who5(random, 4.2 - level) })).id, at);
  }
  // Colleagues whose consent was recorded on paper: a quarter-by-quarter screening history.
  for (const [index, workerId] of people.workerIds.slice(1, 60).entries()) {
    const base = random() * 2.2;
    for (const month of [9, 6, 3, 0]) {
      const at = now - month * 30 * DAY - 2 * DAY;
      const crisis = month === 0 && index % 23 === 5;
      await backdate((await counsellor('POST', `/workers/${workerId}/assessments`, { instrumentCode: 'PHQ-9', answers: phq9(random, base, crisis) })).id, at);
      await backdate((await counsellor('POST', `/workers/${workerId}/assessments`, { instrumentCode: 'GAD-7', answers: gad7(random, base * 0.9) })).id, at);
    }
  }

  const day = (offset: number, hour: number) => new Date(Math.floor(now / DAY) * DAY + offset * DAY + (hour - 8) * 3_600_000).toISOString();
  await counsellor('POST', '/campaigns', {
    title: '2026年冬季职工心理健康测评',
    description: '面向本单位全体职工的年度心理健康测评，结果仅本人和咨询师可见。',
    instrumentCodes: ['PHQ-9', 'GAD-7'],
    targetUnitIds: [people.enterprises[0]],
    opensAt: day(-3, 9),
    closesAt: day(27, 18),
  });

  const course = await counsellor('POST', '/education/courses', {
    title: '职工心理健康素养入门',
    summary: '认识压力、情绪与睡眠，学会识别心理困扰并及时求助。',
    orgUnitId: people.enterprises[0],
  });
  const courseId = String(course.id);
  await counsellor('POST', `/education/courses/${courseId}/lessons`, { title: '压力从哪里来', kind: 'text', body: '适度的压力帮助我们专注，长期过度的压力则会影响睡眠、情绪和身体健康。本课介绍压力的常见来源和身体信号。' });
  await counsellor('POST', `/education/courses/${courseId}/lessons`, { title: '三分钟呼吸放松练习', kind: 'video', url: 'https://example.org/xingang/breathing.mp4' });
  await counsellor('POST', `/education/courses/${courseId}/quizzes`, {
    kind: 'literacy',
    title: '心理健康素养自测',
    questions: [
      { prompt: '长期失眠、情绪低落超过两周，应该怎么做？', options: ['忍一忍就好', '寻求专业帮助', '多喝酒放松'], answer: 1 },
      { prompt: '心理咨询的内容会被随意公开吗？', options: ['会', '不会，受保密原则保护'], answer: 1 },
    ],
  });
  await counsellor('POST', `/education/courses/${courseId}/status`, { status: 'published' });
  await counsellor('POST', '/education/events', {
    kind: 'lecture',
    title: '讲座：倒班职工的睡眠与情绪管理',
    orgUnitId: people.enterprises[0],
    startsAt: day(5, 14),
    endsAt: day(5, 16),
    place: '职工之家多功能厅',
    capacity: 80,
  });
  await counsellor('POST', '/groups', {
    name: '新手爸妈互助小组',
    topic: 'new_parents',
    description: '每两周一次，分享育儿与工作平衡的经验。',
    rules: '尊重彼此；小组内分享的内容不外传；不评判、不给诊断。',
    orgUnitId: people.enterprises[0],
    facilitatorId: people.actors.counsellor.userId,
    capacity: 12,
  });
  const slots: string[] = [];
  for (let d = 1; d <= 5; d++) {
    for (const hour of [9, 10, 14, 15]) {
      const slot = await counsellor('POST', '/counselling/slots', { startsAt: day(d, hour), endsAt: day(d, hour + 1), mode: hour < 12 ? 'in_person' : 'online', place: hour < 12 ? '职工服务中心心理咨询室' : undefined });
      slots.push(String(slot.id));
    }
  }
  await worker('POST', '/me/counselling/appointments', { slotId: slots[2] });
}
