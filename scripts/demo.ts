/**
 * `npm run demo`: a fresh SQLite database with realistic demo data, then the running system.
 * Every tier adds its own seed step below.
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { projectRoot } from '../src/platform/config/load-config.js';
import { User } from '../src/people/users/user.entity.js';
import { demoApi } from './demo/api.js';
import { DEMO_PASSWORD, seedPeople } from './demo/seed-people.js';
import { seedPopulation } from './demo/seed-population.js';
import { seedServices } from './demo/seed-services.js';

async function main(): Promise<void> {
  const file = join(projectRoot(), 'data', 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  // The seed makes a few hundred API calls per demo account within seconds: more than the per-account rate limit.
  const app = await createApp({ DATABASE_URL: `sqlite:${file}`, ADMIN_PASSWORD: DEMO_PASSWORD, NODE_ENV: 'development', LOG_LEVEL: 'warn', API_THROTTLE_LIMIT: '5000' });
  await app.init();

  console.log('正在生成演示数据 / Seeding demo data…');
  const adminUser = await app.get(DataSource).manager.findOneByOrFail(User, { username: 'admin' });
  const admin: Actor = { userId: adminUser.id, username: 'admin', role: 'admin', orgUnitId: adminUser.orgUnitId, workerId: null, ip: '127.0.0.1' };
  const people = await seedPeople(app, admin);
  await seedServices(app, people);

  const port = Number(process.env.PORT ?? app.get(ConfigService).get<number>('PORT') ?? 3000);
  await app.listen(port);
  const url = `http://localhost:${port}`;
  // The tiers are seeded through the running app's own API: the same validation and rules users meet.
  await seedPopulation(demoApi(url, DEMO_PASSWORD), app.get(DataSource), people);
  console.log(`\n心港 Xingang 演示已启动 / demo running: ${url}/ (网页 web app)  API ${url}/api/v1, docs ${url}/api/docs`);
  console.log(`演示账号 / demo accounts (password 密码: ${DEMO_PASSWORD}):`);
  for (const account of people.accounts) console.log(`  ${account.username.padEnd(12)} ${account.role.padEnd(11)} ${account.note}`);
  console.log(`数据 / data: ${people.enterprises.length} enterprise unions, 2000 workers. Ctrl+C 退出 / to stop.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
