import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = '"seq", "at", "actor_id", "actor_role", "action", "resource_type", "resource_id", "worker_id", "ip", "outcome", "detail", "prev_hash", "hash"';

/**
 * The audit log's sequencer (issue 15): seq becomes AUTOINCREMENT (never reused), each row carries its MAC, and the
 * chain's place (chain_index, prev_seq) is filled in by the sequencer. Rows chained before keep their hashes and take
 * their seq as their chain index (the old chain had no gaps), so the existing chain verifies unchanged.
 */
export class AuditSequencer1796128584716 implements MigrationInterface {
  name = 'AuditSequencer1796128584716';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_audit_worker_at"');
    await queryRunner.query('DROP INDEX "idx_audit_actor_at"');
    await queryRunner.query(
      'CREATE TABLE "temporary_audit_events" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "actor_id" varchar, "actor_role" varchar(20) NOT NULL, "action" varchar(80) NOT NULL, "resource_type" varchar(40) NOT NULL, "resource_id" varchar(64), "worker_id" varchar, "ip" varchar(64), "outcome" varchar(10) NOT NULL, "detail" text, "prev_hash" varchar(64), "hash" varchar(64), "mac" varchar(64), "chain_index" integer, "prev_seq" integer)',
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_events"(${COLUMNS}, "chain_index", "prev_seq") SELECT ${COLUMNS}, "seq", CASE WHEN "seq" > 1 THEN "seq" - 1 END FROM "audit_events"`,
    );
    await queryRunner.query('DROP TABLE "audit_events"');
    await queryRunner.query('ALTER TABLE "temporary_audit_events" RENAME TO "audit_events"');
    await queryRunner.query('CREATE INDEX "idx_audit_worker_at" ON "audit_events" ("worker_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_actor_at" ON "audit_events" ("actor_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_unchained" ON "audit_events" ("seq") WHERE chain_index IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_audit_chain_index" ON "audit_events" ("chain_index") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM "audit_events" WHERE "mac" IS NOT NULL');
    if (Number(n) > 0) {
      throw new Error('审计记录已按新格式写入，无法回退 / Audit rows were written in the sequenced format; the old chain cannot hold them');
    }
    await queryRunner.query('DROP INDEX "uq_audit_chain_index"');
    await queryRunner.query('DROP INDEX "idx_audit_unchained"');
    await queryRunner.query('DROP INDEX "idx_audit_actor_at"');
    await queryRunner.query('DROP INDEX "idx_audit_worker_at"');
    await queryRunner.query('ALTER TABLE "audit_events" RENAME TO "temporary_audit_events"');
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("seq" integer PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "actor_id" varchar, "actor_role" varchar(20) NOT NULL, "action" varchar(80) NOT NULL, "resource_type" varchar(40) NOT NULL, "resource_id" varchar(64), "worker_id" varchar, "ip" varchar(64), "outcome" varchar(10) NOT NULL, "detail" text, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)',
    );
    await queryRunner.query(`INSERT INTO "audit_events"(${COLUMNS}) SELECT ${COLUMNS} FROM "temporary_audit_events"`);
    await queryRunner.query('DROP TABLE "temporary_audit_events"');
    await queryRunner.query('CREATE INDEX "idx_audit_actor_at" ON "audit_events" ("actor_id", "at") ');
    await queryRunner.query('CREATE INDEX "idx_audit_worker_at" ON "audit_events" ("worker_id", "at") ');
  }
}
