import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1795605031552 implements MigrationInterface {
  name = 'Assessments1795605031552';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessment_results\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"instrument_code\" character varying(20) NOT NULL, \"instrument_version\" character varying(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" character varying(30), \"subscales\" jsonb, \"subscale_bands\" jsonb, \"crisis\" boolean NOT NULL, \"crisis_reasons\" jsonb NOT NULL, \"campaign_id\" uuid, \"source\" character varying(10) NOT NULL, \"entered_by\" uuid NOT NULL, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5907c861a69b7bf628090784637\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\"  (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\"  (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\"  (\"worker_id\", \"instrument_code\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"screening_campaigns\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"instrument_codes\" jsonb NOT NULL, \"filters\" jsonb NOT NULL, \"opens_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closes_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"reminder_interval_days\" integer NOT NULL, \"reminder_round\" integer NOT NULL DEFAULT '0', \"reminded_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b99d93788672817df47dfddbb7d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_screening_campaigns_window\" ON \"screening_campaigns\"  (\"closes_at\", \"opens_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_screening_campaigns_unit\" ON \"screening_campaigns\"  (\"org_unit_id\", \"opens_at\") ");
    await queryRunner.query("CREATE TABLE \"campaign_targets\" (\"campaign_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, CONSTRAINT \"PK_3a19f6009c3e3749488f9b66ce8\" PRIMARY KEY (\"campaign_id\", \"org_unit_id\"))");
    await queryRunner.query("CREATE TABLE \"campaign_reminders\" (\"campaign_id\" uuid NOT NULL, \"round\" integer NOT NULL, \"worker_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"notified_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_40820b49e530d7b0b24484c3960\" PRIMARY KEY (\"campaign_id\", \"round\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_campaign_reminders_pending\" ON \"campaign_reminders\"  (\"campaign_id\", \"round\", \"notified_at\") ");
    await queryRunner.query("ALTER TABLE \"assessment_results\" ADD CONSTRAINT \"FK_721d31e6e10304622aefa660982\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assessment_results\" DROP CONSTRAINT \"FK_721d31e6e10304622aefa660982\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_campaign_reminders_pending\"");
    await queryRunner.query("DROP TABLE \"campaign_reminders\"");
    await queryRunner.query("DROP TABLE \"campaign_targets\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_screening_campaigns_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_screening_campaigns_window\"");
    await queryRunner.query("DROP TABLE \"screening_campaigns\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("DROP TABLE \"assessment_results\"");
  }
}
