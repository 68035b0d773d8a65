import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1795605031552 implements MigrationInterface {
  name = 'Assessments1795605031552';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessment_results\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"instrument_code\" varchar(20) NOT NULL, \"instrument_version\" varchar(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" varchar(30), \"subscales\" text, \"subscale_bands\" text, \"crisis\" boolean NOT NULL, \"crisis_reasons\" text NOT NULL, \"campaign_id\" varchar, \"source\" varchar(10) NOT NULL, \"entered_by\" varchar NOT NULL, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\" (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\" (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\" (\"worker_id\", \"instrument_code\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"screening_campaigns\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text, \"instrument_codes\" text NOT NULL, \"filters\" text NOT NULL, \"opens_at\" datetime NOT NULL, \"closes_at\" datetime NOT NULL, \"closed_at\" datetime, \"reminder_interval_days\" integer NOT NULL, \"reminder_round\" integer NOT NULL DEFAULT (0), \"reminded_at\" datetime, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_screening_campaigns_window\" ON \"screening_campaigns\" (\"closes_at\", \"opens_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_screening_campaigns_unit\" ON \"screening_campaigns\" (\"org_unit_id\", \"opens_at\") ");
    await queryRunner.query("CREATE TABLE \"campaign_targets\" (\"campaign_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, PRIMARY KEY (\"campaign_id\", \"org_unit_id\"))");
    await queryRunner.query("CREATE TABLE \"campaign_reminders\" (\"campaign_id\" varchar NOT NULL, \"round\" integer NOT NULL, \"worker_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"notified_at\" datetime, \"created_at\" datetime NOT NULL, PRIMARY KEY (\"campaign_id\", \"round\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_campaign_reminders_pending\" ON \"campaign_reminders\" (\"campaign_id\", \"round\", \"notified_at\") ");
    await queryRunner.query("DROP INDEX \"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("CREATE TABLE \"temporary_assessment_results\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"instrument_code\" varchar(20) NOT NULL, \"instrument_version\" varchar(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" varchar(30), \"subscales\" text, \"subscale_bands\" text, \"crisis\" boolean NOT NULL, \"crisis_reasons\" text NOT NULL, \"campaign_id\" varchar, \"source\" varchar(10) NOT NULL, \"entered_by\" varchar NOT NULL, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"created_at\" datetime NOT NULL, CONSTRAINT \"FK_721d31e6e10304622aefa660982\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_assessment_results\"(\"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\" FROM \"assessment_results\"");
    await queryRunner.query("DROP TABLE \"assessment_results\"");
    await queryRunner.query("ALTER TABLE \"temporary_assessment_results\" RENAME TO \"assessment_results\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\" (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\" (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\" (\"worker_id\", \"instrument_code\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("ALTER TABLE \"assessment_results\" RENAME TO \"temporary_assessment_results\"");
    await queryRunner.query("CREATE TABLE \"assessment_results\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"instrument_code\" varchar(20) NOT NULL, \"instrument_version\" varchar(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" varchar(30), \"subscales\" text, \"subscale_bands\" text, \"crisis\" boolean NOT NULL, \"crisis_reasons\" text NOT NULL, \"campaign_id\" varchar, \"source\" varchar(10) NOT NULL, \"entered_by\" varchar NOT NULL, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"assessment_results\"(\"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\" FROM \"temporary_assessment_results\"");
    await queryRunner.query("DROP TABLE \"temporary_assessment_results\"");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\" (\"worker_id\", \"instrument_code\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\" (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\" (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
    await queryRunner.query("DROP INDEX \"idx_campaign_reminders_pending\"");
    await queryRunner.query("DROP TABLE \"campaign_reminders\"");
    await queryRunner.query("DROP TABLE \"campaign_targets\"");
    await queryRunner.query("DROP INDEX \"idx_screening_campaigns_unit\"");
    await queryRunner.query("DROP INDEX \"idx_screening_campaigns_window\"");
    await queryRunner.query("DROP TABLE \"screening_campaigns\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("DROP TABLE \"assessment_results\"");
  }
}
