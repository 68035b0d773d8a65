import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeskTextRetention1796128559055 implements MigrationInterface {
  name = 'DeskTextRetention1796128559055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"desk_requests\" ADD \"text_removed_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"desk_requests\" DROP COLUMN \"text_removed_at\"");
  }
}
