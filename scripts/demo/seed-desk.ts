import type { Call, DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import { chineseName, pick, prng } from './names.js';
import type { DemoPeople } from './seed-people.js';
import { DAY } from './seed-population.js';

const HOUR = 3_600_000;

/** Settled calls of the past four weeks (category, what the caller said, what they were told, resolution). */
const PAST_CALLS: Array<[string, string, string]> = [
  ['rights_overtime', '下班后经常在工作群里被要求处理工作，想知道能否拒绝。', '已告知相关规定，并协调企业工会与部门负责人沟通下班后工作消息问题。'],
  ['psychological_distress', '最近工作压力大，晚上睡不着，想找人聊聊。', '已为来电职工预约本周心理咨询，并介绍了呼吸放松练习。'],
  ['rights_wages', '加班费连续两个月未按时发放。', '企业工会已与人力资源部核实，加班费已于本月补发。'],
  ['family', '孩子上学接送与倒班冲突，家里矛盾多。', '已推荐参加倒班职工互助小组，并提供家庭咨询预约方式。'],
  ['workplace_conflict', '和班组长关系紧张，担心被穿小鞋。', '已安排调解，双方当面沟通后达成一致。'],
  ['other', '咨询工会会员卡的心理服务权益。', '已说明会员可享受的免费心理咨询次数和预约方式。'],
];

/**
 * Service desk (12351 and online): calls and online requests across categories and states — new, in progress,
 * forwarded between units (accepted, returned, awaiting), resolved and rated, a crisis call that opens a crisis case,
 * and one overdue under supervision (督办) — plus four weeks of settled calls for the figures. Last, the routing
 * rules (分派规则) the desk has settled on, added after the calls so the requests above keep the routes shown.
 */
export async function seedDesk(api: DemoApi, backstage: Backstage, people: DemoPeople): Promise<void> {
  const random = prng(12351);
  const counsellor = await api.as('counsellor');
  const counsellor2 = await api.as('counsellor2');
  const supervisor = await api.as('supervisor');
  const worker = await api.as('worker');
  const caller = (index: number) => people.workerIds[index];
  const call = (staff: Call, fields: Record<string, unknown>) => staff('POST', '/desk/requests', { channel: 'hotline_12351', urgency: 'normal', ...fields });
  const id = (request: Record<string, unknown>) => String(request.id);

  // The demo worker online: one settled and rated, one just sent.
  const overtime = id(await worker('POST', '/me/requests', { category: 'rights_overtime', summary: '晚上十点以后还经常收到工作群消息要求马上回复，影响休息，想了解有没有相关规定。' }));
  await counsellor('POST', `/desk/requests/${overtime}/acknowledge`);
  await counsellor('POST', `/desk/requests/${overtime}/replies`, { text: '您好，已收到您的反映。我们会向企业工会了解情况，三个工作日内答复您。' });
  await counsellor('POST', `/desk/requests/${overtime}/resolve`, { resolution: '企业工会已与部门沟通：非紧急工作消息不在晚上九点后发送，紧急事项电话联系并计入加班。' });
  await worker('POST', `/me/requests/${overtime}/feedback`, { satisfaction: 5, comment: '处理很及时，谢谢！' });
  await worker('POST', '/me/requests', { category: 'family', summary: '产假结束返岗后，孩子晚上总哭闹，我和爱人都睡不好，想咨询一下怎么调整。' });

  // 12351 calls taken by the counsellor: one in progress, one forwarded and settled by the city union, one returned,
  // one awaiting the city's acceptance, and a crisis call (the individual tier opens a crisis case at once).
  await call(counsellor, { workerId: caller(25), category: 'psychological_distress', summary: '来电称近期工作调整后焦虑明显，心慌、注意力不集中。', initialReply: '已倾听并做情绪安抚，约定明天上午由咨询师回电。' });
  const wages = id(await call(counsellor, { workerId: caller(26), category: 'rights_wages', summary: '反映所在项目部拖欠三个月绩效工资，多次询问无果。', initialReply: '已记录诉求，将转市总工会法律服务部处理。' }));
  await counsellor('POST', `/desk/requests/${wages}/forward`, { toUnitId: people.cities[0], instructions: '请法律服务部核实欠薪情况并协调企业支付。' });
  await supervisor('POST', `/desk/requests/${wages}/forward/accept`);
  await supervisor('POST', `/desk/requests/${wages}/replies`, { text: '法律服务部已联系企业，企业承诺本月底前补发。' });
  await supervisor('POST', `/desk/requests/${wages}/resolve`, { resolution: '企业已补发拖欠的绩效工资，职工确认收到。' });
  const conflict = id(await call(counsellor, { workerId: caller(27), category: 'workplace_conflict', summary: '与外单位派驻的质检员多次发生争执，希望调解。', initialReply: '已记录，将联系相关单位工会协调。' }));
  await counsellor('POST', `/desk/requests/${conflict}/forward`, { toUnitId: people.enterprises[1], instructions: '质检员为贵单位派驻人员，请协助调解。' });
  await counsellor2('POST', `/desk/requests/${conflict}/forward/return`, { reason: '经核实该质检员已于上月调回总部，不属本单位管理，请联系集团工会。' });
  const dismissal = id(await call(counsellor, { workerId: caller(28), category: 'rights_dismissal', summary: '公司以业务调整为由口头通知解除劳动合同，未给补偿。', initialReply: '已告知先保留书面证据，并转市总工会法律援助。' }));
  await counsellor('POST', `/desk/requests/${dismissal}/forward`, { toUnitId: people.cities[0], instructions: '请提供法律援助，协助职工与企业协商经济补偿。' });
  await call(counsellor, { workerId: caller(23), category: 'crisis', urgency: 'imminent', crisis: true, summary: '来电者情绪激动，称“不想活了”，正在宿舍。', initialReply: '持续通话安抚，已确认所在位置，通知值班咨询师和企业工会立即上门。' });

  // Overdue under supervision: forwarded to the second enterprise, accepted, and not settled by its deadline.
  const overdue = id(await call(counsellor, { workerId: caller(29), category: 'rights_wages', summary: '反映劳务派遣工与正式工同工不同酬。', initialReply: '已记录，将转交相关单位核实。' }));
  await counsellor('POST', `/desk/requests/${overdue}/forward`, { toUnitId: people.enterprises[1], instructions: '派遣单位在贵单位用工，请核实并答复。' });
  await counsellor2('POST', `/desk/requests/${overdue}/forward/accept`);
  const dueAt = new Date(Date.now() - 2 * DAY);
  await backstage.backdate('desk_requests', overdue, { created_at: new Date(Date.now() - 7 * DAY), resolve_due_at: dueAt, next_due_at: dueAt });
  await backstage.checkDeskDeadline(overdue, dueAt);

  // Four weeks of settled calls at both enterprises (answered at once; resolved within hours to days), most rated.
  for (let i = 0; i < 18; i++) {
    const [category, summary, resolution] = PAST_CALLS[i % PAST_CALLS.length];
    const [staff, unit] = i % 3 === 2 ? [counsellor2, 1] : [counsellor, 0];
    const request = id(await call(staff, { callerName: chineseName(random, pick(random, ['female', 'male'] as const)), category, summary, initialReply: '已记录诉求，会尽快处理并回复。' }));
    await staff('POST', `/desk/requests/${request}/resolve`, { resolution });
    const satisfaction = i % 5 === 4 ? undefined : pick(random, [3, 4, 4, 5, 5, 5]);
    await staff('POST', `/desk/requests/${request}/close`, satisfaction ? { satisfaction } : {});
    const createdAt = Date.now() - (2 + ((i * 29) % 26)) * DAY - unit * HOUR;
    const resolveSeconds = Math.round((2 + random() * 70) * 3600);
    await backstage.backdate('desk_requests', request, {
      created_at: new Date(createdAt),
      answered_at: new Date(createdAt),
      resolved_at: new Date(createdAt + resolveSeconds * 1000),
      closed_at: new Date(createdAt + resolveSeconds * 1000 + HOUR),
      resolve_seconds: resolveSeconds,
    });
  }

  // 权益 (wage and dismissal) matters of the first enterprise go straight to the city federation's legal service;
  // everything from the third city's workers to that city's desk (its counsellor takes the duty there).
  const admin = await api.as('admin');
  for (const rule of [
    { orgUnitId: people.enterprises[0], category: 'rights_wages', targetUnitId: people.cities[0] },
    { orgUnitId: people.enterprises[0], category: 'rights_dismissal', targetUnitId: people.cities[0] },
    { orgUnitId: people.cities[2], category: '*', targetUnitId: people.cities[2] },
  ]) {
    await admin('POST', '/desk/routing-rules', rule);
  }
}
