import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fromDbJson, fromDbTime } from '../../platform/database/db-time.js';
import { PreparedQuery } from '../../platform/database/prepared-query.js';
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

/** A worker's results, one index range (worker, instrument, time); never the encrypted answers. */
const HISTORY = new PreparedQuery<RawHistoryRow>(
  `SELECT r.id AS id, r.instrument_code AS "instrumentCode", r.instrument_version AS "instrumentVersion",
     r.total_score AS "totalScore", r.percent_score AS "percentScore", r.band AS band, r.subscales AS subscales,
     r.subscale_bands AS "subscaleBands", r.crisis AS crisis, r.campaign_id AS "campaignId", r.source AS source,
     r.created_at AS "createdAt"
   FROM assessment_results r WHERE r.worker_id = :workerId
   ORDER BY r.instrument_code ASC, r.created_at ASC, r.id ASC`,
);

/**
 * The assessments module's exported query service: a worker's results over time, per instrument, with the change
 * since the previous result and whether it is reliable. The caller (the composed record) has already checked scope
 * and audits the read; this reads one index range (worker, instrument, time) and never the encrypted answers.
 */
@Injectable()
export class AssessmentHistory {
  constructor(private readonly library: InstrumentLibrary) {}

  async forWorker(manager: EntityManager, workerId: string): Promise<InstrumentHistory[]> {
    // Raw rows from one prepared statement: the query builder and entity hydration cost more than the query itself.
    const rows = await HISTORY.rows(manager, { workerId });
    const byInstrument = new Map<string, HistoryRow[]>();
    for (const raw of rows) {
      const row = fromRaw(raw);
      const list = byInstrument.get(row.instrumentCode);
      if (list) list.push(row);
      else byInstrument.set(row.instrumentCode, [row]);
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
