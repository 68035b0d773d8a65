import { createHash, createHmac } from 'node:crypto';
import type { AuditKeyring } from './audit-keyring.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's MAC covers: everything it says, and its `seq`. */
export interface AuditedFields {
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

/**
 * A row as the verifier reads it: the id of the key that made its MAC and link, its MAC (null on rows chained before
 * the sequencer) and its place in the chain.
 */
export interface StoredAuditRow extends AuditedFields {
  keyId: string;
  mac: string | null;
  chainIndex: number | null;
  prevSeq: number | null;
  prevHash: string | null;
  hash: string | null;
}

/** Stable JSON: object keys sorted at every depth, so the same row always hashes the same. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function body(row: AuditedFields): string {
  return canonical({
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
}

/** The row's own MAC, computed at insert in the business transaction: no other row is read, nothing is locked. */
export function rowMac(key: string, row: AuditedFields): string {
  return createHmac('sha256', key).update('row|').update(body(row)).digest('hex');
}

/** The sequencer's link: binds a row's MAC to its place in the chain and to everything before it. */
export function linkHash(key: string, prevHash: string, chainIndex: number, mac: string): string {
  return createHmac('sha256', key).update(`link|${prevHash}|${chainIndex}|${mac}`).digest('hex');
}

/** Rows written before the sequencer (mac null) were chained at insert: HMAC(prevHash ‖ canonical row). */
export function legacyChainHash(key: string, prevHash: string, row: AuditedFields): string {
  return createHmac('sha256', key).update(prevHash).update('|').update(body(row)).digest('hex');
}

/** A public fingerprint of a key (never the key): checkpoints name the key that signed them, so it can rotate. */
export function keyId(key: string): string {
  return createHash('sha256').update(`xingang-audit-key|${key}`).digest('hex').slice(0, 16);
}

export type ChainBreakReason = 'hash_mismatch' | 'prev_mismatch' | 'gap' | 'unknown_key';

export interface ChainBreak {
  /** The row that fails; for a gap, the missing row as its successor names it (null if unknown). */
  seq: number | null;
  reason: ChainBreakReason;
  /** For `unknown_key`: the key id the row names, which the keyring does not hold. */
  keyId?: string;
}

/** Checks one stored row against its MAC (or legacy hash) and its link to `prev`, with the key the row names. */
function checkLink(keys: AuditKeyring, row: StoredAuditRow, prev: string): ChainBreakReason | null {
  if (row.prevHash !== prev) return 'prev_mismatch';
  const key = keys.key(row.keyId);
  if (key === undefined) return 'unknown_key';
  if (row.mac === null) return legacyChainHash(key, prev, row) === row.hash ? null : 'hash_mismatch';
  if (rowMac(key, row) !== row.mac) return 'hash_mismatch';
  return linkHash(key, prev, Number(row.chainIndex), row.mac) === row.hash ? null : 'hash_mismatch';
}

/** Walks chained rows in `chainIndex` order from `start`; returns the first break, or null when the chain is whole. */
export function findChainBreak(
  keys: AuditKeyring,
  rows: Iterable<StoredAuditRow>,
  start: { index: number; hash: string } = { index: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let expected = start.index + 1;
  let prev = start.hash;
  for (const row of rows) {
    if (Number(row.chainIndex) !== expected) return { seq: row.prevSeq === null ? null : Number(row.prevSeq), reason: 'gap' };
    const broken = checkLink(keys, row, prev);
    if (broken === 'unknown_key') return { seq: Number(row.seq), reason: broken, keyId: row.keyId };
    if (broken) return { seq: Number(row.seq), reason: broken };
    prev = row.hash!;
    expected += 1;
  }
  return null;
}
