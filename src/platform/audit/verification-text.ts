import type { AuditVerificationDto } from './audit.dto.js';

/** One line for a person reading the console (also used by `npm run restore`). */
export function describeVerification(result: AuditVerificationDto): string {
  if (result.intact) {
    const head = result.checkpoint ? `; ${result.checkpoints} checkpoint(s) hold, the newest of ${result.checkpoint.size} rows at ${result.checkpoint.at}` : '; no checkpoint yet';
    return `审计链完整 / Audit chain intact: ${result.rows} rows verified (${result.pending} awaiting the sequencer)${head}`;
  }
  const where = result.brokenAt !== null ? `seq ${result.brokenAt}` : result.checkpoint ? `the checkpoint of ${result.checkpoint.size} rows at ${result.checkpoint.at}` : 'the checkpoint sink';
  if (result.reason === 'unknown_key') {
    return `审计日志无法校验：${where} 使用的密钥 ${result.keyId ?? '?'} 不在 AUDIT_KEY / AUDIT_KEYS_RETIRED 中 / Audit log cannot be verified at ${where}: it names key ${result.keyId ?? '?'}, which is neither AUDIT_KEY nor in AUDIT_KEYS_RETIRED (unknown_key); ${result.rows} rows read`;
  }
  return `审计链已被篡改 / Audit chain BROKEN at ${where} (${result.reason}); ${result.rows} rows read`;
}
