import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EligibilityIndex1795609683666 implements MigrationInterface {
  name = 'EligibilityIndex1795609683666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_workers_eligibility\" ON \"workers\" (\"org_unit_id\", \"erased\", \"gender\", \"special_post\", \"employment_status\", \"cadre_level\", \"birth_year\", \"life_events\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_workers_eligibility\"");
  }
}
