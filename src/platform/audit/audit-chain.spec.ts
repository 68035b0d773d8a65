import { chainHash, findChainBreak, GENESIS_HASH, type ChainedFields } from './audit-chain.js';

const KEY = 'k'.repeat(40);

function chain(count: number) {
  const rows: Array<ChainedFields & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields: ChainedFields = {
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
    };
    const hash = chainHash(KEY, prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(findChainBreak(KEY, chain(5))).toBeNull();
  });

  it('hashes detail independently of key order (jsonb reorders keys)', () => {
    const [row] = chain(1);
    const reordered = { ...row, detail: { a: [1, 2], b: 1 } };
    expect(chainHash(KEY, GENESIS_HASH, reordered)).toBe(row.hash);
  });

  it('detects an edited field', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], workerId: 'someone-else' };
    expect(findChainBreak(KEY, rows)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('detects a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(KEY, rows)).toEqual({ seq: 2, reason: 'gap' });
  });

  it('detects a recomputed row without the key', () => {
    const rows = chain(3);
    const forged = { ...rows[1], action: 'nothing' };
    forged.hash = chainHash('attacker-guess'.repeat(3), forged.prevHash, forged);
    rows[1] = forged;
    expect(findChainBreak(KEY, rows)?.seq).toBe(2);
  });

  it('detects a row whose prevHash was rewritten', () => {
    const rows = chain(3);
    rows[2] = { ...rows[2], prevHash: GENESIS_HASH };
    expect(findChainBreak(KEY, rows)).toEqual({ seq: 3, reason: 'prev_mismatch' });
  });
});
