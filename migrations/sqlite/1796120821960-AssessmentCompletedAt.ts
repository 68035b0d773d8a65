import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentCompletedAt1796120821960 implements MigrationInterface {
  name = 'AssessmentCompletedAt1796120821960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_assessment_results_report\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("CREATE TABLE \"temporary_assessment_results\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"instrument_code\" varchar(20) NOT NULL, \"instrument_version\" varchar(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" varchar(30), \"subscales\" text, \"subscale_bands\" text, \"crisis\" boolean NOT NULL, \"crisis_reasons\" text NOT NULL, \"campaign_id\" varchar, \"source\" varchar(10) NOT NULL, \"entered_by\" varchar NOT NULL, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"created_at\" datetime NOT NULL, \"completed_at\" datetime, CONSTRAINT \"FK_721d31e6e10304622aefa660982\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_assessment_results\"(\"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\" FROM \"assessment_results\"");
    await queryRunner.query("DROP TABLE \"assessment_results\"");
    await queryRunner.query("ALTER TABLE \"temporary_assessment_results\" RENAME TO \"assessment_results\"");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_report\" ON \"assessment_results\" (\"instrument_code\", \"created_at\", \"worker_id\", \"band\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\" (\"worker_id\", \"instrument_code\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\" (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\" (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_assessment_results_campaign_answer\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_crisis\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_worker_instrument\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_results_report\"");
    await queryRunner.query("ALTER TABLE \"assessment_results\" RENAME TO \"temporary_assessment_results\"");
    await queryRunner.query("CREATE TABLE \"assessment_results\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"instrument_code\" varchar(20) NOT NULL, \"instrument_version\" varchar(20) NOT NULL, \"answers\" text NOT NULL, \"total_score\" integer, \"percent_score\" integer, \"band\" varchar(30), \"subscales\" text, \"subscale_bands\" text, \"crisis\" boolean NOT NULL, \"crisis_reasons\" text NOT NULL, \"campaign_id\" varchar, \"source\" varchar(10) NOT NULL, \"entered_by\" varchar NOT NULL, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"created_at\" datetime NOT NULL, CONSTRAINT \"FK_721d31e6e10304622aefa660982\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"assessment_results\"(\"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"instrument_code\", \"instrument_version\", \"answers\", \"total_score\", \"percent_score\", \"band\", \"subscales\", \"subscale_bands\", \"crisis\", \"crisis_reasons\", \"campaign_id\", \"source\", \"entered_by\", \"acknowledged_at\", \"acknowledged_by\", \"created_at\" FROM \"temporary_assessment_results\"");
    await queryRunner.query("DROP TABLE \"temporary_assessment_results\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment_results_campaign_answer\" ON \"assessment_results\" (\"campaign_id\", \"worker_id\", \"instrument_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_crisis\" ON \"assessment_results\" (\"crisis\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_worker_instrument\" ON \"assessment_results\" (\"worker_id\", \"instrument_code\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_assessment_results_report\" ON \"assessment_results\" (\"instrument_code\", \"created_at\", \"worker_id\", \"band\") ");
  }
}
