import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { keyId } from './audit-chain.js';

/**
 * The audit keys, by id (a public fingerprint, never the key): AUDIT_KEY makes every new row's MAC, link and
 * checkpoint; AUDIT_KEYS_RETIRED (comma-separated, as DATA_KEYS_RETIRED) keeps verifying what earlier keys made.
 * Each row and checkpoint names its key, so a rotation never breaks verification and a missing key is named.
 */
export class AuditKeyring {
  readonly currentId: string;
  private readonly byId = new Map<string, string>();

  constructor(current: string, retired: string[] = []) {
    for (const key of [current, ...retired]) this.byId.set(keyId(key), key);
    this.currentId = keyId(current);
  }

  static fromConfig(config: ConfigService<AppConfig, true>): AuditKeyring {
    return new AuditKeyring(config.get('AUDIT_KEY', { infer: true }), parseRetiredAuditKeys(config.get('AUDIT_KEYS_RETIRED', { infer: true })));
  }

  get current(): string {
    return this.byId.get(this.currentId)!;
  }

  /** The key with this id, or undefined when it is not in the ring (retired and removed, or never ours). */
  key(id: string | null | undefined): string | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  get retiredIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.currentId);
  }
}

export function parseRetiredAuditKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
}
