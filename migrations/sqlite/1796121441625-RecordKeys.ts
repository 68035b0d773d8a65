import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record keys for cell-key perturbation (src/platform/reporting/cell-key.ts): a fixed random key per worker and per
 * desk request, drawn once. Existing rows get theirs here; the app draws one for each new row.
 */
export class RecordKeys1796121441625 implements MigrationInterface {
  name = 'RecordKeys1796121441625';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['workers', 'desk_requests']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "record_key" integer NOT NULL DEFAULT (0)`);
      await queryRunner.query(`UPDATE "${table}" SET "record_key" = abs(random()) % 2147483648`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "desk_requests" DROP COLUMN "record_key"');
    await queryRunner.query('ALTER TABLE "workers" DROP COLUMN "record_key"');
  }
}
