import type { MigrationInterface, QueryRunner } from 'typeorm';
import { existingAuditKeyId } from '../audit-key-id.js';

/**
 * Audit key rotation: every row names the key that made its MAC and link (`key_id`, a fingerprint of the key). The
 * rows written before were all made with the key configured now (AUDIT_KEY), so they take its id.
 */
export class AuditKeyIds1796139811622 implements MigrationInterface {
  name = 'AuditKeyIds1796139811622';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_events" ADD "key_id" character varying(16)');
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM "audit_events"');
    if (Number(n) > 0) await queryRunner.query('UPDATE "audit_events" SET "key_id" = $1', [existingAuditKeyId()]);
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "key_id" SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query('SELECT COUNT(DISTINCT "key_id") AS n FROM "audit_events"');
    if (Number(n) > 1) {
      throw new Error('审计记录已由多个密钥签名，回退会丢失其密钥标识 / Audit rows were signed with several keys; going back would lose which key signed which row');
    }
    await queryRunner.query('ALTER TABLE "audit_events" DROP COLUMN "key_id"');
  }
}
