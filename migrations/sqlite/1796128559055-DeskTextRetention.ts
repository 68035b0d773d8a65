import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the retention job cleared a closed request's free text. Written as ADD/DROP COLUMN rather than the generator's
 * table rebuild, so that it cannot drop columns another migration adds to desk_requests (SQLite ≥ 3.35 drops columns).
 */
export class DeskTextRetention1796128559055 implements MigrationInterface {
  name = 'DeskTextRetention1796128559055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "desk_requests" ADD COLUMN "text_removed_at" datetime');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "desk_requests" DROP COLUMN "text_removed_at"');
  }
}
