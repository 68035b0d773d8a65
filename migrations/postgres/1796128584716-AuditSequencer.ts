import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's sequencer (issue 15): seq becomes a 64-bit sequence drawn at insert, each row carries its MAC, and
 * the chain's place (chain_index, prev_seq) is filled in by the sequencer. Rows chained before keep their hashes and
 * take their seq as their chain index (the old chain had no gaps), so the existing chain verifies unchanged.
 */
export class AuditSequencer1796128584716 implements MigrationInterface {
  name = 'AuditSequencer1796128584716';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_events" ADD "mac" character varying(64)');
    await queryRunner.query('ALTER TABLE "audit_events" ADD "chain_index" bigint');
    await queryRunner.query('ALTER TABLE "audit_events" ADD "prev_seq" bigint');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "seq" TYPE bigint');
    await queryRunner.query('CREATE SEQUENCE "audit_events_seq_seq" AS bigint OWNED BY "audit_events"."seq"');
    await queryRunner.query(`SELECT setval('"audit_events_seq_seq"', COALESCE((SELECT MAX("seq") FROM "audit_events"), 0) + 1, false)`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "seq" SET DEFAULT nextval('"audit_events_seq_seq"')`);
    await queryRunner.query('UPDATE "audit_events" SET "chain_index" = "seq", "prev_seq" = CASE WHEN "seq" > 1 THEN "seq" - 1 END');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "idx_audit_unchained" ON "audit_events"  ("seq") WHERE chain_index IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_audit_chain_index" ON "audit_events"  ("chain_index") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM "audit_events" WHERE "mac" IS NOT NULL');
    if (Number(n) > 0) {
      throw new Error('审计记录已按新格式写入，无法回退 / Audit rows were written in the sequenced format; the old chain cannot hold them');
    }
    await queryRunner.query('DROP INDEX "public"."uq_audit_chain_index"');
    await queryRunner.query('DROP INDEX "public"."idx_audit_unchained"');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "seq" DROP DEFAULT');
    await queryRunner.query('DROP SEQUENCE "audit_events_seq_seq"');
    await queryRunner.query('ALTER TABLE "audit_events" ALTER COLUMN "seq" TYPE integer');
    await queryRunner.query('ALTER TABLE "audit_events" DROP COLUMN "prev_seq"');
    await queryRunner.query('ALTER TABLE "audit_events" DROP COLUMN "chain_index"');
    await queryRunner.query('ALTER TABLE "audit_events" DROP COLUMN "mac"');
  }
}
