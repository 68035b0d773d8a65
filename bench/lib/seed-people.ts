import { randomUUID } from 'node:crypto';
import { chineseName, pick, prng, JOB_TITLES } from '../../scripts/demo/names.js';
import { sqlTime, type Sql } from './sql.js';

export interface PeopleSeed {
  root: string;
  cities: string[];
  enterprises: string[];
  workerIds: string[];
}

/**
 * Profile facts beyond gender, birth year and special post, for the subgroup tier's eligibility rules, drawn from a
 * PRNG of their own so the names and the other facts stay what they were: about 4 % cadres (科级 3 %, 处级 1 %,
 * 厅局级 0.2 %), 8 % in career change (transferring, redundancy, retiring, retired, returning to work, on leave), and
 * life events (women: pregnancy 3 %, maternity leave 2 %, returned from maternity 3 %; everyone: new parent 3 %,
 * caregiver 4 %, bereavement 1 %).
 */
export function profileFacts(random: () => number, gender: 'female' | 'male'): { cadreLevel: string; employmentStatus: string; lifeEvents: string[] } {
  const cadre = random();
  const cadreLevel = cadre < 0.002 ? 'bureau' : cadre < 0.012 ? 'division' : cadre < 0.042 ? 'section' : 'none';
  const status = random();
  const employmentStatus =
    status < 0.02 ? 'transferring' : status < 0.035 ? 'redundancy' : status < 0.05 ? 'retiring' : status < 0.06 ? 'retired' : status < 0.07 ? 'returning_to_work' : status < 0.08 ? 'on_leave' : 'employed';
  const lifeEvents: string[] = [];
  if (gender === 'female') {
    const maternity = random();
    if (maternity < 0.03) lifeEvents.push('pregnancy');
    else if (maternity < 0.05) lifeEvents.push('maternity_leave');
    else if (maternity < 0.08) lifeEvents.push('returned_from_maternity');
  }
  for (const [event, share] of [['new_parent', 0.03], ['caregiver', 0.04], ['bereavement', 0.01]] as const) if (random() < share) lifeEvents.push(event);
  return { cadreLevel, employmentStatus, lifeEvents };
}

/**
 * The org tree (3 cities → 2 counties each → enterprises) and `count` workers, inserted set-wise: a 100,000-worker
 * roster takes seconds, not the minutes a loop of API calls would.
 */
export async function seedPeople(sql: Sql, count: number, enterprisesPerCounty = 17): Promise<PeopleSeed> {
  const random = prng(7);
  const factsRandom = prng(11);
  const [root] = await sql.query<{ id: string; path: string }>('SELECT id, path FROM org_units WHERE parent_id IS NULL');
  const now = sqlTime(sql.dialect, new Date());
  const units: unknown[][] = [];
  const cities: string[] = [];
  const enterprises: string[] = [];
  const unit = (name: string, parentPath: string, parentId: string, depth: number) => {
    const id = randomUUID();
    const path = `${parentPath}${id}/`;
    units.push([id, name, parentId, path, depth, now, now]);
    return { id, path };
  };
  for (let c = 0; c < 3; c++) {
    const city = unit(`城市${c + 1}总工会`, root.path, root.id, 1);
    cities.push(city.id);
    for (let k = 0; k < 2; k++) {
      const county = unit(`城市${c + 1}区县${k + 1}总工会`, city.path, city.id, 2);
      for (let e = 0; e < enterprisesPerCounty; e++) enterprises.push(unit(`企业工会${c + 1}-${k + 1}-${e + 1}`, county.path, county.id, 3).id);
    }
  }
  await sql.insert('org_units', ['id', 'name', 'parent_id', 'path', 'depth', 'created_at', 'updated_at'], units);

  const workerIds: string[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    workerIds.push(id);
    const gender = random() < 0.48 ? 'female' : 'male';
    const facts = profileFacts(factsRandom, gender);
    rows.push([
      id, enterprises[i % enterprises.length], chineseName(random, gender), gender, 1965 + Math.floor(random() * 40), `B${i}`,
      pick(random, JOB_TITLES), facts.cadreLevel, random() < 0.2 ? 'shift' : 'none', facts.employmentStatus, JSON.stringify(facts.lifeEvents), false, now, now,
    ]);
  }
  await sql.insert(
    'workers',
    ['id', 'org_unit_id', 'name', 'gender', 'birth_year', 'employee_no', 'job_title', 'cadre_level', 'special_post', 'employment_status', 'life_events', 'erased', 'created_at', 'updated_at'],
    rows,
  );
  return { root: root.id, cities, enterprises, workerIds };
}
