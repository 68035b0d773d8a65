import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentResult } from '../../src/population/assessments/entities/assessment-result.entity.js';
import { GAD_7 } from '../../src/population/assessments/instruments/gad-7.js';
import { PHQ_9 } from '../../src/population/assessments/instruments/phq-9.js';
import type { InstrumentDefinition } from '../../src/population/assessments/instruments/instrument.types.js';
import { crisisReasons } from '../../src/population/assessments/scoring/crisis.js';
import { score } from '../../src/population/assessments/scoring/score.js';
import type { Backstage } from './backstage.js';
import { prng } from './names.js';
import type { DemoPeople } from './seed-people.js';

/** Share of the roster screened in the annual campaign, this year and last. */
const SCREENED = { thisYear: 0.86, lastYear: 0.8 };
const ROWS_PER_INSERT = 250;

/**
 * The annual screening (年度心理健康筛查) of the whole roster, as union services run it: most workers answer PHQ-9 and
 * GAD-7 once a year (on paper at the screening day, entered by the counsellor), this year and last, so the officials'
 * dashboards show real figures by unit, gender and age band. Set-based: results are scored in memory with the
 * instruments' own scoring and written in multi-row INSERTs (answers encrypted by the entity's transformer), then the
 * dashboards' latest-result summary is rebuilt once. Levels stay under the crisis rules (the crisis colleagues of
 * the population seed are the only ones in crisis), and the demo's own screening history (the first 60 workers) is
 * left as it is.
 */
export async function seedAnnualScreening(app: INestApplicationContext, backstage: Backstage, people: DemoPeople): Promise<number> {
  const dataSource = app.get(DataSource);
  const random = prng(2026);
  const workers = (await dataSource.query<Array<{ id: string; org_unit_id: string }>>(`SELECT id, org_unit_id FROM workers WHERE erased = ${dataSource.options.type === 'postgres' ? 'FALSE' : '0'} ORDER BY id`)).filter(
    (w) => !people.workerIds.slice(0, 60).includes(w.id),
  );
  const now = new Date();
  const year = now.getUTCFullYear();
  const enteredBy = people.actors.counsellor.userId;
  const rows: Partial<AssessmentResult>[] = [];
  for (const worker of workers) {
    // Each worker's own level (most are well; a long tail is not), a little different year to year.
    const level = Math.min(2.2, -Math.log(1 - random()) * 0.55);
    for (const [y, share] of [[year, SCREENED.thisYear], [year - 1, SCREENED.lastYear]] as const) {
      if (random() >= share) continue;
      // The screening day of the worker's unit falls somewhere in the year (this year: before today).
      const months = y === year ? now.getUTCMonth() : 11;
      const at = new Date(Date.UTC(y, Math.floor(random() * (months + 1)), 1 + Math.floor(random() * 27), 1 + Math.floor(random() * 8)));
      if (at > now) continue;
      const yearLevel = Math.max(0, level + (random() - 0.5) * 0.4);
      for (const def of [PHQ_9, GAD_7]) rows.push(resultOf(def, answersFor(def, random, yearLevel), worker, enteredBy, at));
    }
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await dataSource.createQueryBuilder().insert().into(AssessmentResult).values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    // Let the running app breathe between statements (SQLite's driver is synchronous): its kept-alive HTTP
    // connections, which the seed's API calls reuse, would otherwise time out under a long pause.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await backstage.rebuildAssessmentSummary();
  return rows.length;
}

/** Item answers around `level` (0 … 3), never firing a crisis rule (PHQ-9 item 9 stays 0; totals stay under the rules). */
function answersFor(def: InstrumentDefinition, random: () => number, level: number): number[] {
  for (let attempt = 0; ; attempt++) {
    const answers = def.items.map((_, i) => (def === PHQ_9 && i === 8 ? 0 : Math.max(0, Math.min(3, Math.round(level + (random() - 0.55) * 1.8)))));
    const total = score(def, answers).totalScore;
    if (crisisReasons(def.crisisRules, answers, total).length === 0) return answers;
    level = Math.max(0, level - 0.3 - attempt * 0.1);
  }
}

function resultOf(def: InstrumentDefinition, answers: number[], worker: { id: string; org_unit_id: string }, enteredBy: string, at: Date): Partial<AssessmentResult> {
  const scored = score(def, answers);
  return {
    workerId: worker.id,
    orgUnitId: worker.org_unit_id,
    instrumentCode: def.code,
    instrumentVersion: def.version,
    answers,
    totalScore: scored.totalScore,
    percentScore: scored.percentScore,
    band: scored.band,
    subscales: scored.subscales,
    subscaleBands: scored.subscaleBands,
    crisis: false,
    crisisReasons: [],
    campaignId: null,
    source: 'staff',
    enteredBy,
    createdAt: at,
    completedAt: at,
  };
}
