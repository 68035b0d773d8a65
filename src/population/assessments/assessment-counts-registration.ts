import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fromDbTime } from '../../platform/database/db-time.js';
import { queryNamed } from '../../platform/database/named-query.js';
import { PopulationCounts } from '../../people/workers/population-counts.js';
import { applyCountDeltas, ASSESSMENT_COUNTS_TABLE, countDelta, type LatestFact } from './assessment-counts.js';
import { rebuildLatestOf } from './assessment-latest.js';

/**
 * Registers the screening counts with the people module's population counts: when a worker's unit, gender or birth
 * year changes, every latest result of theirs moves with them, in the same transaction.
 */
@Injectable()
export class AssessmentCountsRegistration implements OnModuleInit {
  constructor(private readonly population: PopulationCounts) {}

  onModuleInit(): void {
    this.population.register({
      table: ASSESSMENT_COUNTS_TABLE,
      profileChanged: async (manager, before, after) => {
        const facts = await latestFactsOf(manager, before.workerId);
        await applyCountDeltas(manager, [...facts.map((f) => countDelta(before, f, -1)), ...facts.map((f) => countDelta(after, f, 1))]);
      },
      withdraw: async (manager, profiles) => {
        for (const profile of profiles) await applyCountDeltas(manager, (await latestFactsOf(manager, profile.workerId)).map((f) => countDelta(profile, f, -1)));
      },
      recount: async (manager, profiles) => {
        await rebuildLatestOf(manager, profiles.map((p) => p.workerId));
        for (const profile of profiles) await applyCountDeltas(manager, (await latestFactsOf(manager, profile.workerId)).map((f) => countDelta(profile, f, 1)));
      },
    });
  }
}

async function latestFactsOf(manager: EntityManager, workerId: string): Promise<LatestFact[]> {
  const rows = await queryNamed<{ instrument_code: string; year: number | string; at: Date | string; band: string | null }>(
    manager,
    'SELECT instrument_code, year, at, band FROM assessment_latest WHERE worker_id = :ac_worker',
    { ac_worker: workerId },
  );
  return rows.map((r) => ({ instrumentCode: r.instrument_code, year: Number(r.year), at: fromDbTime(r.at), band: r.band }));
}
