import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightsAndRights1795616958616 implements MigrationInterface {
  name = 'InsightsAndRights1795616958616';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rights_requests\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"kind\" varchar(12) NOT NULL, \"status\" varchar(12) NOT NULL, \"change\" text, \"worker_note\" text, \"refusal_code\" varchar(24), \"review_note\" text, \"reviewed_by\" varchar, \"reviewed_at\" datetime, \"outcome\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_rights_requests_unit_status\" ON \"rights_requests\" (\"org_unit_id\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_rights_requests_worker\" ON \"rights_requests\" (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_report\" ON \"crisis_cases\" (\"created_at\", \"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_counselling_appointments_report\" ON \"counselling_appointments\" (\"starts_at\", \"worker_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_referrals_report\" ON \"referrals\" (\"created_at\", \"worker_id\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_report\" ON \"assessment_results\" (\"instrument_code\", \"created_at\", \"worker_id\", \"band\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_report\" ON \"programme_enrolments\" (\"created_at\", \"worker_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_programme_enrolments_report\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_report\"");
    await queryRunner.query("DROP INDEX \"idx_referrals_report\"");
    await queryRunner.query("DROP INDEX \"idx_counselling_appointments_report\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_report\"");
    await queryRunner.query("DROP INDEX \"idx_rights_requests_worker\"");
    await queryRunner.query("DROP INDEX \"idx_rights_requests_unit_status\"");
    await queryRunner.query("DROP TABLE \"rights_requests\"");
  }
}
