import { migrationContext } from '../src/platform/database/migration-context.js';

/** The id of the key that made the audit rows written before rows named their key: the AUDIT_KEY configured now. */
export function existingAuditKeyId(): string {
  const id = migrationContext().auditKeyId;
  if (!id) throw new Error('审计密钥未知，无法为已有审计记录填写 key_id / The audit key is unknown: existing audit rows cannot be given their key_id');
  return id;
}
