import type { MigrationInterface, QueryRunner } from 'typeorm';
import { existingAuditKeyId } from '../audit-key-id.js';

const COLUMNS = '"seq", "at", "actor_id", "actor_role", "action", "resource_type", "resource_id", "worker_id", "ip", "outcome", "detail", "prev_hash", "hash", "mac", "chain_index", "prev_seq"';

/**
 * Audit key rotation: every row names the key that made its MAC and link (`key_id`, a fingerprint of the key). The
 * rows written before were all made with the key configured now (AUDIT_KEY), so they take its id.
 */
export class AuditKeyIds1796139811622 implements MigrationInterface {
  name = 'AuditKeyIds1796139811622';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_audit_chain_index"');
    await queryRunner.query('DROP INDEX "idx_audit_unchained"');
    await queryRunner.query('DROP INDEX "idx_audit_actor_at"');
    await queryRunner.query('DROP INDEX "idx_audit_worker_at"');
    await queryRunner.query('CREATE TABLE "temporary_audit_events" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actor_id" varchar, "actor_role" varchar(20) NOT NULL, "action" varchar(80) NOT NULL, "resource_type" varchar(40) NOT NULL, "resource_id" varchar(64), "worker_id" varchar, "ip" varchar(64), "outcome" varchar(10) NOT NULL, "detail" text, "prev_hash" varchar(64), "hash" varchar(64), "mac" varchar(64), "chain_index" integer, "prev_seq" integer, "key_id" varchar(16) NOT NULL)');
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM "audit_events"');
    const keyId = Number(n) > 0 ? existingAuditKeyId() : '';
    await queryRunner.query(`INSERT INTO "temporary_audit_events"(${COLUMNS}, "key_id") SELECT ${COLUMNS}, ? FROM "audit_events"`, [keyId]);
    await queryRunner.query('DROP TABLE "audit_events"');
    await queryRunner.query('ALTER TABLE "temporary_audit_events" RENAME TO "audit_events"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_audit_chain_index" ON "audit_events" ("chain_index") ');
    await queryRunner.query('CREATE INDEX "idx_audit_unchained" ON "audit_events" ("seq") WHERE chain_index IS NULL');
    await queryRunner.query('CREATE INDEX "idx_audit_actor_at" ON "audit_events" ("actor_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_worker_at" ON "audit_events" ("worker_id", "at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query('SELECT COUNT(DISTINCT "key_id") AS n FROM "audit_events"');
    if (Number(n) > 1) {
      throw new Error('审计记录已由多个密钥签名，回退会丢失其密钥标识 / Audit rows were signed with several keys; going back would lose which key signed which row');
    }
    await queryRunner.query('DROP INDEX "idx_audit_worker_at"');
    await queryRunner.query('DROP INDEX "idx_audit_actor_at"');
    await queryRunner.query('DROP INDEX "idx_audit_unchained"');
    await queryRunner.query('DROP INDEX "uq_audit_chain_index"');
    await queryRunner.query('ALTER TABLE "audit_events" RENAME TO "temporary_audit_events"');
    await queryRunner.query('CREATE TABLE "audit_events" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actor_id" varchar, "actor_role" varchar(20) NOT NULL, "action" varchar(80) NOT NULL, "resource_type" varchar(40) NOT NULL, "resource_id" varchar(64), "worker_id" varchar, "ip" varchar(64), "outcome" varchar(10) NOT NULL, "detail" text, "prev_hash" varchar(64), "hash" varchar(64), "mac" varchar(64), "chain_index" integer, "prev_seq" integer)');
    await queryRunner.query(`INSERT INTO "audit_events"(${COLUMNS}) SELECT ${COLUMNS} FROM "temporary_audit_events"`);
    await queryRunner.query('DROP TABLE "temporary_audit_events"');
    await queryRunner.query('CREATE INDEX "idx_audit_worker_at" ON "audit_events" ("worker_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_actor_at" ON "audit_events" ("actor_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_unchained" ON "audit_events" ("seq") WHERE chain_index IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_audit_chain_index" ON "audit_events" ("chain_index") ');
  }
}
