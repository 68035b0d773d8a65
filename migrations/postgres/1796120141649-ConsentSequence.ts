import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentSequence1796120141649 implements MigrationInterface {
  name = 'ConsentSequence1796120141649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_consents_lookup\"");
    // Backfill (written by hand): each worker's existing consents numbered in the order they were recorded.
    await queryRunner.query('ALTER TABLE "consents" ADD "seq" integer');
    await queryRunner.query(`UPDATE consents SET seq = n.seq FROM (
         SELECT id, ROW_NUMBER() OVER (PARTITION BY worker_id ORDER BY created_at, ctid) AS seq FROM consents
       ) n WHERE consents.id = n.id`);
    await queryRunner.query('ALTER TABLE "consents" ALTER COLUMN "seq" SET NOT NULL');
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_consents_worker_seq\" ON \"consents\"  (\"worker_id\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\"  (\"worker_id\", \"purpose\", \"recipient_id\", \"seq\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_consents_lookup\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_consents_worker_seq\"");
    await queryRunner.query("ALTER TABLE \"consents\" DROP COLUMN \"seq\"");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" USING btree (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
  }
}
