import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fromDbJson, fromDbTime } from '../../platform/database/db-time.js';
import type { AssessmentSource } from './entities/assessment-result.entity.js';
import { InstrumentLibrary } from './instrument-library.service.js';
import type { Text } from './instruments/instrument.types.js';
import { withChanges, type ChangeDirection } from './scoring/reliable-change.js';

export interface HistoryEntry {
  id: string;
  at: Date;
  instrumentVersion: string;
  totalScore: number | null;
  percentScore: number | null;
  band: string | null;
  /** Clinical label of the band, for staff. */
  bandLabel: Text | null;
  /** Kind, plain description of the band, for the worker. */
  bandPlain: Text | null;
  subscales: Record<string, number> | null;
  subscaleBands: Record<string, string> | null;
  /** Per subscale: its name and the plain description of its band (CBI). */
  subscalePlain: Array<{ code: string; name: Text; plain: Text }> | null;
  crisis: boolean;
  campaignId: string | null;
  source: AssessmentSource;
  /** Since the previous result of the same instrument (see reliable-change.ts). */
  change: number | null;
  reliableChange: boolean | null;
  direction: ChangeDirection | null;
}

export interface InstrumentHistory {
  instrumentCode: string;
  name: Text;
  /** The instrument's subscales (for their trends); empty when it has none or is no longer in the library. */
  subscales: Array<{ code: string; name: Text }>;
  /** Oldest first. */
  entries: HistoryEntry[];
}

/**
 * The assessments module's exported query service: a worker's results over time, per instrument, with the change
 * since the previous result and whether it is reliable. The caller (the composed record) has already checked scope
 * and audits the read; this reads one index range (worker, instrument, time) and never the encrypted answers.
 */
@Injectable()
export class AssessmentHistory {
  constructor(private readonly library: InstrumentLibrary) {}

  async forWorker(manager: EntityManager, workerId: string): Promise<InstrumentHistory[]> {
    // Raw rows: hydrating entities costs more than the query itself on a 50-result record (see the bench note).
    const rows = await manager
      .createQueryBuilder()
      .select(['r.id AS id', 'r.instrument_code AS "instrumentCode"', 'r.instrument_version AS "instrumentVersion"'])
      .addSelect(['r.total_score AS "totalScore"', 'r.percent_score AS "percentScore"', 'r.band AS band', 'r.subscales AS subscales'])
      .addSelect(['r.subscale_bands AS "subscaleBands"', 'r.crisis AS crisis', 'r.campaign_id AS "campaignId"', 'r.source AS source'])
      .addSelect('r.created_at', 'createdAt')
      .from('assessment_results', 'r')
      .where('r.worker_id = :workerId', { workerId })
      .orderBy('r.instrument_code', 'ASC')
      .addOrderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany<RawHistoryRow>();
    const byInstrument = new Map<string, HistoryRow[]>();
    for (const raw of rows) {
      const row = fromRaw(raw);
      byInstrument.set(row.instrumentCode, [...(byInstrument.get(row.instrumentCode) ?? []), row]);
    }
    return [...byInstrument.entries()]
      .sort(([a], [b]) => this.library.order(a) - this.library.order(b))
      .map(([code, results]) => this.history(code, results));
  }

  private history(code: string, results: HistoryRow[]): InstrumentHistory {
    const def = this.library.find(code);
    if (!def) {
      // An instrument retired from the library: its stored results still show, without texts or changes.
      return { instrumentCode: code, name: { zh: code, en: code }, subscales: [], entries: results.map((r) => this.entry(r, null, null, null)) };
    }
    const band = (c: string | null) => (c ? def.bands.find((b) => b.code === c) ?? null : null);
    const subscalePlain = (r: HistoryRow) =>
      r.subscaleBands
        ? def.subscales.flatMap((s) => {
            const plain = (s.bands ?? def.subscaleBands ?? []).find((b) => b.code === r.subscaleBands![s.code])?.plain;
            return plain ? [{ code: s.code, name: s.name, plain }] : [];
          })
        : null;
    const annotated = withChanges(def, results);
    return {
      instrumentCode: code,
      name: def.name,
      subscales: def.subscales.map((s) => ({ code: s.code, name: s.name })),
      entries: annotated.map((r) => ({ ...this.entry(r, band(r.band)?.label ?? null, band(r.band)?.plain ?? null, subscalePlain(r)), change: r.change, reliableChange: r.reliable, direction: r.direction })),
    };
  }

  private entry(r: HistoryRow, bandLabel: Text | null, bandPlain: Text | null, subscalePlain: HistoryEntry['subscalePlain']): HistoryEntry {
    return {
      id: r.id,
      at: r.createdAt,
      instrumentVersion: r.instrumentVersion,
      totalScore: r.totalScore,
      percentScore: r.percentScore,
      band: r.band,
      bandLabel,
      bandPlain,
      subscales: r.subscales,
      subscaleBands: r.subscaleBands,
      subscalePlain,
      crisis: r.crisis,
      campaignId: r.campaignId,
      source: r.source,
      change: null,
      reliableChange: null,
      direction: null,
    };
  }
}

/** One stored result as the record needs it (no answers). */
interface HistoryRow {
  id: string;
  instrumentCode: string;
  instrumentVersion: string;
  totalScore: number | null;
  percentScore: number | null;
  band: string | null;
  subscales: Record<string, number> | null;
  subscaleBands: Record<string, string> | null;
  crisis: boolean;
  campaignId: string | null;
  source: AssessmentSource;
  createdAt: Date;
}

type RawHistoryRow = Omit<HistoryRow, 'createdAt' | 'crisis' | 'subscales' | 'subscaleBands'> & {
  createdAt: Date | string;
  crisis: boolean | number;
  subscales: unknown;
  subscaleBands: unknown;
};

const fromRaw = (raw: RawHistoryRow): HistoryRow => ({
  ...raw,
  totalScore: raw.totalScore === null ? null : Number(raw.totalScore),
  percentScore: raw.percentScore === null ? null : Number(raw.percentScore),
  crisis: raw.crisis === true || raw.crisis === 1,
  subscales: fromDbJson(raw.subscales) as Record<string, number> | null,
  subscaleBands: fromDbJson(raw.subscaleBands) as Record<string, string> | null,
  createdAt: fromDbTime(raw.createdAt),
});
