import type { SmsSink } from '../lib/sms-sink.js';
import type { DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import type { DemoPeople } from './seed-people.js';

const RIDERS = [
  { name: '外卖骑手 王小川', phone: '13700000001', occupationGroup: 'delivery_rider', employer: '某外卖平台 城东站' },
  { name: '快递员 刘建国', phone: '13700000002', occupationGroup: 'courier', employer: '某快递公司 城西网点' },
  { name: '网约车司机 陈敏', phone: '13700000003', occupationGroup: 'ride_hailing_driver', employer: '某出行平台' },
] as const;

/**
 * 智慧工会: two join links with posters, and three new-form workers who joined from a link on their phones (the code
 * read from the SMS sink, as their phone would show it); one membership confirmed, two waiting in the queue.
 */
export async function seedMobile(api: DemoApi, stage: Backstage, people: DemoPeople, sink: SmsSink, baseUrl: string): Promise<string> {
  const admin = await api.as('admin');
  const link = await admin('POST', '/join-links', { orgUnitId: people.enterprises[0], label: '城东配送站海报' });
  await admin('POST', '/join-links', { orgUnitId: people.enterprises[1], label: '快递驿站二维码' });
  const token = String(link.url).split('/').at(-1)!;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`demo seed: POST ${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  for (const rider of RIDERS) {
    await post(`/join/${token}/sms-code`, { phone: rider.phone });
    const code = await codeArriving(sink, rider.phone, () => stage.runJobs());
    await post(`/join/${token}`, { ...rider, code, consents: { assessment: true, counselling: true, research: false } });
  }
  const queue = (await admin('GET', '/join-requests?status=pending')) as unknown as Array<{ id: string }>;
  await admin('POST', `/join-requests/${queue[0].id}/confirm`);
  return String(link.url);
}

/**
 * The code as the phone receives it: the text goes out from the job queue, which a committed job may already have
 * woken in the app (push wakes the runners), so it can arrive a moment after our own run of the due jobs.
 */
async function codeArriving(sink: SmsSink, phone: string, runJobs: () => Promise<void>): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await runJobs();
    const code = sink.latestCode(phone);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`demo seed: no code reached the SMS sink for ${phone} within 10 s`);
}
