import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentsService } from '../../src/population/assessments/assessments.service.js';
import { CampaignsService } from '../../src/population/assessments/campaigns/campaigns.service.js';
import { AssessmentResult } from '../../src/population/assessments/entities/assessment-result.entity.js';
import { BookingService } from '../../src/population/counselling/services/booking.service.js';
import { SlotsService } from '../../src/population/counselling/services/slots.service.js';
import { CoursesService } from '../../src/population/education/services/courses.service.js';
import { EventsService } from '../../src/population/education/services/events.service.js';
import { GroupsService } from '../../src/population/groups/services/groups.service.js';
import type { DemoPeople } from './seed-people.js';

const DAY = 86_400_000;

/**
 * 面 services for the demo, so every page of the web app has something to show: the demo worker's results over
 * two months (a trend), two crisis results in the counsellor's queue (one past the 24-hour target), free counselling
 * times with one booked, an open screening campaign, a course, a lecture and a self-help group.
 */
export async function seedServices(app: INestApplicationContext, people: DemoPeople): Promise<void> {
  const { actors, workerIds, enterprises } = people;
  const counsellor = actors.counsellor;
  const worker = actors.worker;
  const assessments = app.get(AssessmentsService);
  const manager = app.get(DataSource).manager;
  const backdate = (id: string, daysAgo: number) =>
    manager.update(AssessmentResult, { id }, { createdAt: new Date(Date.now() - daysAgo * DAY) });

  // The worker's own record: PHQ-9 improving over two months, GAD-7 twice, WHO-5 once.
  const own: Array<[string, number[], number]> = [
    ['PHQ-9', [2, 2, 2, 2, 1, 1, 1, 1, 0], 60],
    ['GAD-7', [2, 2, 1, 2, 1, 1, 1], 58],
    ['PHQ-9', [1, 1, 2, 1, 1, 1, 0, 1, 0], 30],
    ['PHQ-9', [1, 0, 1, 1, 0, 0, 0, 0, 0], 2],
    ['GAD-7', [1, 1, 0, 1, 0, 0, 1], 2],
    ['WHO-5', [3, 3, 2, 3, 3], 2],
  ];
  for (const [instrumentCode, answers, daysAgo] of own) {
    const result = await assessments.submitOwn(worker, { instrumentCode, answers });
    await backdate(result.id, daysAgo);
  }
  // Paper forms entered by the counsellor (these workers consented on paper): two crisis results.
  const overdue = await assessments.submitFor(counsellor, workerIds[1], {
    instrumentCode: 'PHQ-9',
    answers: [3, 3, 2, 3, 2, 2, 2, 1, 1],
  });
  await backdate(overdue.id, 1.5);
  await assessments.submitFor(counsellor, workerIds[2], {
    instrumentCode: 'PHQ-9',
    answers: [1, 1, 1, 0, 1, 0, 0, 0, 1],
  });

  const at = (days: number, hour: number) => {
    const d = new Date(Date.now() + days * DAY);
    d.setHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const slots = app.get(SlotsService);
  const slotIds: string[] = [];
  for (const [days, hour] of [
    [1, 10],
    [1, 15],
    [2, 10],
    [3, 14],
    [5, 10],
    [6, 15],
  ] as const) {
    slotIds.push(
      (
        await slots.publish(counsellor, {
          startsAt: at(days, hour),
          endsAt: at(days, hour + 1),
          mode: days % 2 ? 'in_person' : 'online',
          place: days % 2 ? '工会心理咨询室（职工之家二楼）' : undefined,
        })
      ).id,
    );
  }
  await app.get(BookingService).book(worker, { slotId: slotIds[2] });

  await app.get(CampaignsService).create(counsellor, {
    title: '2026 年冬季职工心理健康普查',
    description: '年终工作繁忙，花几分钟了解一下自己最近的状态。结果只有你和心理服务人员能看到。',
    instrumentCodes: ['PHQ-9', 'GAD-7'],
    targetUnitIds: [enterprises[0]],
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 21 * DAY).toISOString(),
  });

  const courses = app.get(CoursesService);
  const course = await courses.create(counsellor, {
    title: '压力与情绪调适',
    summary: '三节短课，每节十分钟，学会识别压力、照顾情绪。',
    orgUnitId: enterprises[0],
  });
  for (const [title, body] of [
    [
      '认识压力',
      '压力是身体对变化和挑战的正常反应。适度的压力让我们专注，长期过大的压力则会影响睡眠、情绪和身体健康。',
    ],
    ['呼吸放松练习', '找一个安静的地方坐好，用鼻子慢慢吸气四秒，屏住两秒，再用嘴慢慢呼气六秒。重复五次。'],
    [
      '何时需要寻求帮助',
      '如果低落、焦虑持续两周以上，影响了工作和生活，请预约心理咨询，或拨打 12351 职工服务热线。',
    ],
  ]) {
    await courses.addLesson(counsellor, course.id, { title, kind: 'text', body });
  }
  await courses.setStatus(counsellor, course.id, { status: 'published' });
  await app.get(EventsService).create(counsellor, {
    kind: 'lecture',
    title: '职场压力与情绪管理讲座',
    description: '心理咨询师现场讲解，并留出时间答疑。',
    orgUnitId: enterprises[0],
    startsAt: at(4, 14),
    endsAt: at(4, 16),
    place: '工会大礼堂',
    capacity: 120,
  });
  await app.get(GroupsService).create(counsellor, {
    name: '倒班职工互助小组',
    topic: 'shift_workers',
    description: '每两周一次，聊聊倒班带来的睡眠和家庭安排上的难处，互相出主意。',
    rules: '尊重每一位成员；组内分享的内容不外传；不评判、不说教；可以只听不说。',
    orgUnitId: enterprises[0],
    facilitatorId: counsellor.userId,
    capacity: 12,
  });
}
