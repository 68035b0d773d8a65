import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonical, keyId } from './audit-chain.js';
import type { AuditKeyring } from './audit-keyring.js';

/**
 * A signed statement about the chain, kept outside the database (a signed tree head, RFC 9162 §4.10):
 * - `checkpoint`: the chain had `size` rows and its newest row's hash was `head`, at `at`;
 * - `restore`: the database was restored to a backup whose chain has `size` rows: checkpoints written before it
 *   with a larger size describe rows lost with the restore, not a tampering.
 * `sig` = HMAC(AUDIT_KEY, canonical statement); `keyId` names the key, so it verifies after a rotation (AuditKeyring).
 */
export interface Checkpoint {
  kind: 'checkpoint' | 'restore';
  size: number;
  head: string;
  at: string;
  keyId: string;
  sig: string;
}

type Statement = Omit<Checkpoint, 'sig'>;

const signature = (key: string, statement: Statement) =>
  createHmac('sha256', key)
    .update('checkpoint|')
    .update(canonical({ kind: statement.kind, size: statement.size, head: statement.head, at: statement.at, keyId: statement.keyId }))
    .digest('hex');

export function signCheckpoint(key: string, statement: Omit<Statement, 'keyId'>): Checkpoint {
  const full = { ...statement, keyId: keyId(key) };
  return { ...full, sig: signature(key, full) };
}

/**
 * Checks a statement with the key it names: `signed`, `unknown_key` (the keyring does not hold that key: retired and
 * removed, or never ours) or `unsigned` (the signature does not match).
 */
export function checkpointStatus(keys: AuditKeyring, checkpoint: Checkpoint): 'signed' | 'unknown_key' | 'unsigned' {
  const key = keys.key(typeof checkpoint.keyId === 'string' ? checkpoint.keyId : null);
  if (!key) return 'unknown_key';
  if (typeof checkpoint.sig !== 'string' || checkpoint.sig.length !== 64) return 'unsigned';
  return timingSafeEqual(Buffer.from(signature(key, checkpoint)), Buffer.from(checkpoint.sig)) ? 'signed' : 'unsigned';
}

/** One line read from the sink: a statement, or a line that is not one (damaged, or written by hand). */
export type SinkLine = { file: string; line: number } & ({ checkpoint: Checkpoint } | { unreadable: string });

/**
 * The file sink: one JSON line per statement, appended to `checkpoints-YYYY-MM-DD.jsonl` in AUDIT_CHECKPOINT_DIR.
 * Appends of one short line are atomic, so several instances may share the directory (a network mount); ship the
 * files off the database host (or to WORM storage), since whoever can rewrite them can hide a truncation.
 */
export class CheckpointSink {
  constructor(private readonly dir: string) {}

  async append(checkpoint: Checkpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(join(this.dir, `checkpoints-${checkpoint.at.slice(0, 10)}.jsonl`), `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
  }

  /** Every line, oldest file first, in the order written. */
  async readAll(): Promise<SinkLine[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => /^checkpoints-\d{4}-\d{2}-\d{2}\.jsonl$/.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines: SinkLine[] = [];
    for (const file of names) {
      const text = await readFile(join(this.dir, file), 'utf8');
      text.split('\n').forEach((raw, i) => {
        if (raw.trim() === '') return;
        try {
          lines.push({ file, line: i + 1, checkpoint: JSON.parse(raw) as Checkpoint });
        } catch {
          lines.push({ file, line: i + 1, unreadable: raw.slice(0, 80) });
        }
      });
    }
    return lines;
  }
}
