import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  workerId: string | null;
  ip: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

/** Stable JSON: object keys sorted at every depth, so the same row always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** HMAC over exactly the chained fields (never the stored hashes), so a row hashes the same on write and on verify. */
export function chainHash(key: string, prevHash: string, row: ChainedFields): string {
  const body = canonical({
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    workerId: row.workerId,
    ip: row.ip,
    outcome: row.outcome,
    detail: row.detail,
  });
  return createHmac('sha256', key).update(prevHash).update('|').update(body).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_mismatch' | 'gap';
}

/** Walks rows in `seq` order; returns the first break, or null when the chain is whole. */
export function findChainBreak(
  key: string,
  rows: Iterable<ChainedFields & { prevHash: string; hash: string }>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let expectedSeq = start.seq + 1;
  let prev = start.hash;
  for (const row of rows) {
    if (Number(row.seq) !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
    if (row.prevHash !== prev) return { seq: row.seq, reason: 'prev_mismatch' };
    if (chainHash(key, prev, row) !== row.hash) return { seq: row.seq, reason: 'hash_mismatch' };
    prev = row.hash;
    expectedSeq += 1;
  }
  return null;
}
