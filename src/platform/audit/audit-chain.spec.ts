import { findChainBreak, GENESIS_HASH, keyId, legacyChainHash, linkHash, rowMac, type AuditedFields, type StoredAuditRow } from './audit-chain.js';
import { AuditKeyring } from './audit-keyring.js';

const KEY = 'k'.repeat(40);
const NEW_KEY = 'n'.repeat(40);
const RING = new AuditKeyring(KEY);

const fields = (seq: number): AuditedFields => ({
  seq,
  at: new Date(Date.UTC(2026, 10, 25, 0, 0, seq)),
  actorId: 'a',
  actorRole: 'counsellor',
  action: 'worker.read',
  resourceType: 'worker',
  resourceId: `w${seq}`,
  workerId: `w${seq}`,
  ip: '127.0.0.1',
  outcome: 'success',
  detail: { b: 1, a: [1, 2] },
});

/** Rows as the sequencer links them: seqs with gaps (rolled-back transactions), chain indexes without. */
function chain(count: number, keyFor: (index: number) => string = () => KEY): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let prev = GENESIS_HASH;
  let prevSeq: number | null = null;
  for (let index = 1; index <= count; index++) {
    const key = keyFor(index);
    const row = fields(index * 3);
    const mac = rowMac(key, row);
    const hash = linkHash(key, prev, index, mac);
    rows.push({ ...row, keyId: keyId(key), mac, chainIndex: index, prevSeq, prevHash: prev, hash });
    prev = hash;
    prevSeq = row.seq;
  }
  return rows;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(findChainBreak(RING, chain(5))).toBeNull();
  });

  it('hashes detail independently of key order (jsonb reorders keys)', () => {
    const [row] = chain(1);
    expect(rowMac(KEY, { ...row, detail: { a: [1, 2], b: 1 } })).toBe(row.mac);
  });

  it('detects an edited field, and a row moved to another seq', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], workerId: 'someone-else' };
    expect(findChainBreak(RING, rows)).toEqual({ seq: 9, reason: 'hash_mismatch' });
    const moved = chain(5);
    moved[1] = { ...moved[1], seq: 7 };
    expect(findChainBreak(RING, moved)).toEqual({ seq: 7, reason: 'hash_mismatch' });
  });

  it('detects a deleted row and names it by the seq its successor links to', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(RING, rows)).toEqual({ seq: 6, reason: 'gap' });
  });

  it('detects a row recomputed without the key', () => {
    const rows = chain(3);
    const forged = { ...rows[1], action: 'nothing' };
    forged.mac = rowMac('attacker-guess'.repeat(3), forged);
    forged.hash = linkHash('attacker-guess'.repeat(3), forged.prevHash!, 2, forged.mac);
    rows[1] = forged;
    expect(findChainBreak(RING, rows)?.seq).toBe(6);
  });

  it('detects a row whose prevHash was rewritten', () => {
    const rows = chain(3);
    rows[2] = { ...rows[2], prevHash: GENESIS_HASH };
    expect(findChainBreak(RING, rows)).toEqual({ seq: 9, reason: 'prev_mismatch' });
  });

  it('detects two rows swapped in the chain (each MAC intact, the links not)', () => {
    const rows = chain(4);
    const [second, third] = [rows[1], rows[2]];
    rows[1] = { ...third, chainIndex: 2 };
    rows[2] = { ...second, chainIndex: 3 };
    expect(findChainBreak(RING, rows)?.reason).toBe('prev_mismatch');
  });

  it('still verifies rows chained before the sequencer (no MAC: the hash covers the row)', () => {
    const legacy: StoredAuditRow[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const row = fields(seq);
      const hash = legacyChainHash(KEY, prev, row);
      legacy.push({ ...row, keyId: RING.currentId, mac: null, chainIndex: seq, prevSeq: seq === 1 ? null : seq - 1, prevHash: prev, hash });
      prev = hash;
    }
    const mac = rowMac(KEY, fields(10));
    legacy.push({ ...fields(10), keyId: RING.currentId, mac, chainIndex: 4, prevSeq: 3, prevHash: prev, hash: linkHash(KEY, prev, 4, mac) });
    expect(findChainBreak(RING, legacy)).toBeNull();
    legacy[1] = { ...legacy[1], outcome: 'denied' };
    expect(findChainBreak(RING, legacy)).toEqual({ seq: 2, reason: 'hash_mismatch' });
  });

  describe('after a rotation (each row names its key)', () => {
    const rotated = () => chain(6, (index) => (index <= 3 ? KEY : NEW_KEY));
    const ring = new AuditKeyring(NEW_KEY, [KEY]);

    it('verifies rows of both keys with the ring, each with the key it names', () => {
      expect(findChainBreak(ring, rotated())).toBeNull();
    });

    it('detects an edited row signed with the retired key', () => {
      const rows = rotated();
      rows[1] = { ...rows[1], outcome: 'denied' };
      expect(findChainBreak(ring, rows)).toEqual({ seq: 6, reason: 'hash_mismatch' });
    });

    it('detects a row relabelled with the other key', () => {
      const rows = rotated();
      rows[1] = { ...rows[1], keyId: ring.currentId };
      expect(findChainBreak(ring, rows)).toEqual({ seq: 6, reason: 'hash_mismatch' });
    });

    it('names the first row whose key is not in the ring', () => {
      expect(findChainBreak(new AuditKeyring(NEW_KEY), rotated())).toEqual({ seq: 3, reason: 'unknown_key', keyId: keyId(KEY) });
    });
  });
});
