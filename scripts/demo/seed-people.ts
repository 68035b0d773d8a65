import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '../../src/platform/auth/actor.js';
import type { Role } from '../../src/platform/auth/permissions.js';
import { ConsentsService } from '../../src/people/consents/consents.service.js';
import { OrgUnitsService } from '../../src/people/org-units/org-units.service.js';
import { UsersService } from '../../src/people/users/users.service.js';
import { RosterImportService } from '../../src/people/workers/roster-import.service.js';
import { WorkersService } from '../../src/people/workers/workers.service.js';
import { CITIES, COUNTIES, ENTERPRISES, JOB_TITLES, chineseName, pick, prng } from './names.js';

export const DEMO_PASSWORD = 'Xingang-Demo-2026';

export interface DemoPeople {
  root: string;
  cities: string[];
  enterprises: string[];
  enterpriseNames: string[];
  accounts: Array<{ username: string; role: Role; unit: string; note: string }>;
  actors: Record<string, Actor>;
  workerIds: string[];
}

const actorOf = (user: { id: string; username: string; role: Role; orgUnitId: string; workerId: string | null }): Actor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  orgUnitId: user.orgUnitId,
  workerId: user.workerId,
  ip: '127.0.0.1',
});

/** A provincial federation → 3 cities → 2 counties each → 24 enterprise unions, 2,000 workers, one user per role. */
export async function seedPeople(app: INestApplicationContext, admin: Actor, workerCount = 2000): Promise<DemoPeople> {
  const random = prng(2026);
  const units = app.get(OrgUnitsService);
  const users = app.get(UsersService);
  const root = admin.orgUnitId;
  const cities: string[] = [];
  const enterprises: string[] = [];
  const enterpriseNames: string[] = [];
  let next = 0;
  for (const city of CITIES) {
    const cityId = (await units.create(admin, { name: city, parentId: root })).id;
    cities.push(cityId);
    for (const county of COUNTIES) {
      const countyId = (await units.create(admin, { name: `${city.replace('总工会', '')}${county}`, parentId: cityId })).id;
      for (let i = 0; i < 4; i++) {
        const name = ENTERPRISES[next++ % ENTERPRISES.length];
        enterprises.push((await units.create(admin, { name, parentId: countyId })).id);
        enterpriseNames.push(name);
      }
    }
  }

  const header = 'name,orgUnitId,employeeNo,gender,birthYear,phone,jobTitle,cadreLevel,specialPost,employmentStatus';
  const rows: string[] = [];
  for (let i = 0; i < workerCount; i++) {
    const unitIndex = i % enterprises.length;
    const gender = random() < 0.48 ? 'female' : 'male';
    const name = enterpriseNames[unitIndex];
    const special = /煤矿|化工|电力|电网/.test(name) ? 'hazardous' : /公交|物流|高速|速运|骑手/.test(name) ? 'long_haul_driving' : /公安|消防/.test(name) ? 'police_emergency' : /医院|钢铁|港务/.test(name) ? 'shift' : 'none';
    const cadre = random() < 0.04 ? pick(random, ['section', 'division']) : 'none';
    const status = random() < 0.05 ? pick(random, ['transferring', 'redundancy', 'retiring', 'returning_to_work']) : 'employed';
    rows.push([
      chineseName(random, gender),
      enterprises[unitIndex],
      `E${String(i + 1).padStart(5, '0')}`,
      gender,
      1965 + Math.floor(random() * 40),
      `13${Math.floor(100000000 + random() * 899999999)}`,
      pick(random, JOB_TITLES),
      cadre,
      random() < 0.7 ? special : 'none',
      status,
    ].join(','));
  }
  await app.get(RosterImportService).import(admin, `${header}\n${rows.join('\n')}\n`);
  const workers = app.get(WorkersService);
  const page = await workers.search(admin, { orgUnitId: enterprises[0], pageSize: 100 });
  const workerIds = page.items.map((w) => w.id);
  // The facts the 线 tier's rules read that a roster import does not carry: life events, for one woman in eight of
  // the first city; the demo worker is a young mother back from maternity leave (so her 女职工 programme invites her).
  const lifeEvents = ['pregnancy', 'maternity_leave', 'returned_from_maternity', 'new_parent', 'caregiver', 'bereavement'] as const;
  let women = 0;
  for (let p = 1; ; p++) {
    const { items } = await workers.search(admin, { orgUnitId: cities[0], gender: 'female', page: p, pageSize: 100 });
    for (const woman of items) {
      if (women++ % 8 === 3 && woman.id !== workerIds[0]) await workers.update(admin, woman.id, { lifeEvents: [lifeEvents[(women >> 3) % lifeEvents.length]] });
    }
    if (items.length < 100) break;
  }
  await workers.update(admin, workerIds[0], { gender: 'female', birthYear: 1991, lifeEvents: ['returned_from_maternity', 'new_parent'], specialPost: 'shift' });

  const accounts: DemoPeople['accounts'] = [];
  const actors: Record<string, Actor> = { admin };
  const makeUser = async (username: string, role: Role, orgUnitId: string, note: string, workerId?: string, displayName?: string) => {
    const user = await users.create(admin, { username, password: DEMO_PASSWORD, role, orgUnitId, workerId, displayName });
    accounts.push({ username, role, unit: orgUnitId, note });
    actors[username] = actorOf(user);
    return user;
  };
  await makeUser('counsellor', 'counsellor', enterprises[0], `心理咨询师 · ${enterpriseNames[0]}`, undefined, '李心怡（咨询师）');
  await makeUser('counsellor2', 'counsellor', enterprises[1], `心理咨询师 · ${enterpriseNames[1]}`, undefined, '陈思远（咨询师）');
  await makeUser('supervisor', 'supervisor', cities[0], `督导 · ${CITIES[0]}`, undefined, '周敏（督导）');
  // The other two cities' counsellors take the crisis duty (值班) of their enterprises.
  await makeUser('counsellor3', 'counsellor', cities[1], `心理咨询师 · ${CITIES[1]}（值班）`, undefined, '赵静（咨询师）');
  await makeUser('counsellor4', 'counsellor', cities[2], `心理咨询师 · ${CITIES[2]}（值班）`, undefined, '孙浩（咨询师）');
  await makeUser('official', 'official', root, '工会领导（只看汇总）', undefined, '王主席');
  await makeUser('worker', 'worker', enterprises[0], `职工 · ${enterpriseNames[0]}`, workerIds[0]);

  const consents = app.get(ConsentsService);
  await consents.record(actors.worker, workerIds[0], { purpose: 'assessment', granted: true });
  await consents.record(actors.worker, workerIds[0], { purpose: 'counselling', granted: true });
  for (const workerId of workerIds.slice(1, 60)) {
    await consents.record(actors.counsellor, workerId, { purpose: 'assessment', granted: true, onPaper: true, note: '纸质知情同意书' });
  }
  accounts.unshift({ username: 'admin', role: 'admin', unit: root, note: '系统管理员（无临床内容）' });
  return { root, cities, enterprises, enterpriseNames, accounts, actors, workerIds };
}
