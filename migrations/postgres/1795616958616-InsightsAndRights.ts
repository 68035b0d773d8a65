import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightsAndRights1795616958616 implements MigrationInterface {
  name = 'InsightsAndRights1795616958616';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rights_requests\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"kind\" character varying(12) NOT NULL, \"status\" character varying(12) NOT NULL, \"change\" text, \"worker_note\" text, \"refusal_code\" character varying(24), \"review_note\" text, \"reviewed_by\" uuid, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"outcome\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_38dc0e4a82758585284f096e876\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_rights_requests_unit_status\" ON \"rights_requests\"  (\"org_unit_id\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_rights_requests_worker\" ON \"rights_requests\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_report\" ON \"crisis_cases\"  (\"created_at\", \"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_counselling_appointments_report\" ON \"counselling_appointments\"  (\"starts_at\", \"worker_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_referrals_report\" ON \"referrals\"  (\"created_at\", \"worker_id\", \"state\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_report\" ON \"assessment_results\"  (\"instrument_code\", \"created_at\", \"worker_id\", \"band\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_report\" ON \"programme_enrolments\"  (\"created_at\", \"worker_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_enrolments_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assessment_results_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referrals_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_counselling_appointments_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_rights_requests_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_rights_requests_unit_status\"");
    await queryRunner.query("DROP TABLE \"rights_requests\"");
  }
}
