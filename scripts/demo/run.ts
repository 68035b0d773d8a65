/**
 * `npm run demo`: a fresh SQLite database with realistic demo data for every tier, then the running system.
 * People are seeded through the services (units, a roster import, accounts); everything else through the running
 * app's own HTTP API, with the same validation and rules users meet (scripts/demo/backstage.ts holds the few things
 * the API cannot do: back-dating, running the job queue now).
 *
 * Settings (environment): PORT (0 = any free port), DEMO_WORKERS (default 2000; at least 720 = 30 per enterprise),
 * DEMO_DATABASE (default data/demo.sqlite; deleted first).
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import type { Actor } from '../../src/platform/auth/actor.js';
import { projectRoot } from '../../src/platform/config/load-config.js';
import { User } from '../../src/people/users/user.entity.js';
import { demoApi } from './api.js';
import { backstage } from './backstage.js';
import { seedDesk } from './seed-desk.js';
import { seedDuplicates } from './seed-duplicates.js';
import { seedEap, seedWebhookAttempts } from './seed-eap.js';
import { seedDutyRoster, seedIndividual } from './seed-individual.js';
import { DEMO_PASSWORD, seedPeople } from './seed-people.js';
import { seedPopulation } from './seed-population.js';
import { seedAnnualScreening } from './seed-screening.js';
import { seedBreakGlass, seedRights } from './seed-rights.js';
import { seedSubgroups } from './seed-subgroups.js';
import { seedMobile } from './seed-mobile.js';
import { SmsSink } from '../lib/sms-sink.js';

async function main(): Promise<void> {
  const started = Date.now();
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    const result = await work();
    console.log(`  ✓ ${label} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    return result;
  };
  const workerCount = Number(process.env.DEMO_WORKERS ?? 2000);
  if (!Number.isInteger(workerCount) || workerCount < 720) throw new Error('DEMO_WORKERS must be a whole number of at least 720');
  const file = process.env.DEMO_DATABASE ?? join(projectRoot(), 'data', 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  // Texts go to a local SMS sink (a real HTTP gateway that delivers to nobody); its page shows what was sent.
  const sink = new SmsSink({ key: 'demo-sms-key', secret: 'demo-sms-secret-signing-both-ways' });
  const sinkUrl = await sink.start(Number(process.env.DEMO_SMS_PORT ?? 0));
  const port = Number(process.env.PORT ?? 3000);
  // The seed makes a few hundred API calls per demo account within seconds: more than the per-account rate limit.
  const app = await createApp({
    DATABASE_URL: `sqlite:${file}`,
    ADMIN_PASSWORD: DEMO_PASSWORD,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    API_THROTTLE_LIMIT: '5000',
    SMS_GATEWAY_URL: `${sinkUrl}/send`,
    SMS_GATEWAY_KEY: 'demo-sms-key',
    SMS_GATEWAY_SECRET: 'demo-sms-secret-signing-both-ways',
    ...(port > 0 ? { PUBLIC_URL: `http://localhost:${port}` } : {}),
  });
  await app.init();

  console.log('正在生成演示数据 / Seeding demo data…');
  const adminUser = await app.get(DataSource).manager.findOneByOrFail(User, { username: 'admin' });
  const admin: Actor = { userId: adminUser.id, username: 'admin', role: 'admin', orgUnitId: adminUser.orgUnitId, workerId: null, ip: '127.0.0.1' };
  const people = await step(`人员 people: units, ${workerCount} workers, accounts`, () => seedPeople(app, admin, workerCount));

  await app.listen(Number(process.env.PORT ?? app.get(ConfigService).get<number>('PORT') ?? 3000));
  const url = `http://localhost:${(app.getHttpServer().address() as AddressInfo).port}`;
  sink.receiptsUrl = `${url}/api/v1/sms/receipts`;
  const api = demoApi(url, DEMO_PASSWORD);
  const stage = backstage(app);
  await step('点 duty roster 值班表', () => seedDutyRoster(api, people));
  await step('面 population: assessments, campaign, course, lecture, group, counselling', () => seedPopulation(api, stage, people));
  const vendors = await step('EAP vendors, contracts 服务机构与合同', () => seedEap(api, people));
  await step('点 individual: crisis cases, referrals, incident 危机、转介、善后', () => seedIndividual(api, stage, people, vendors));
  await step('EAP webhook deliveries 推送投递记录', () => seedWebhookAttempts(api, stage, vendors));
  await step('线 subgroups: programmes, training 亚群体关爱、干部培养', () => seedSubgroups(api, stage, people));
  await step('12351 service desk 服务台', () => seedDesk(api, stage, people));
  await step('consents and rights 知情同意与更正、删除申请', () => seedRights(api, people));
  await step('点 break-glass 紧急调阅', () => seedBreakGlass(api, people));
  const screened = await step('面 annual screening 年度心理健康筛查 (this year and last)', () => seedAnnualScreening(app, stage, people));
  console.log(`    ${screened} results`);
  const joinUrl = await step('智慧工会 join links, self-joined riders 自助入会', () => seedMobile(api, stage, people, sink, url));
  await step('重复档案 duplicate profiles, one merged', () => seedDuplicates(api, people));
  await stage.runJobs();

  console.log(`\n心港 Xingang 演示已启动 / demo running: ${url}/ (网页 web app)  API ${url}/api/v1, docs ${url}/api/docs`);
  console.log(`入会链接 / join link: ${joinUrl}    短信收件箱 / SMS sink (what was sent): ${sinkUrl}/`);
  console.log(`演示账号 / demo accounts (password 密码: ${DEMO_PASSWORD}):`);
  for (const account of people.accounts) console.log(`  ${account.username.padEnd(12)} ${account.role.padEnd(11)} ${account.note}`);
  console.log(`数据 / data: ${people.enterprises.length} enterprise unions, ${workerCount} workers; seeded in ${((Date.now() - started) / 1000).toFixed(0)} s. Ctrl+C 退出 / to stop.`);
  console.log(`XINGANG_DEMO_READY ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
