import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentCompletedAt1796120821960 implements MigrationInterface {
  name = 'AssessmentCompletedAt1796120821960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assessment_results\" ADD \"completed_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assessment_results\" DROP COLUMN \"completed_at\"");
  }
}
