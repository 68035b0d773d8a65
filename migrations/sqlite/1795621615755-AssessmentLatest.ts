import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentLatest1795621615755 implements MigrationInterface {
  name = 'AssessmentLatest1795621615755';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessment_latest\" (\"instrument_code\" varchar(20) NOT NULL, \"year\" integer NOT NULL, \"worker_id\" varchar NOT NULL, \"result_id\" varchar NOT NULL, \"at\" datetime NOT NULL, \"band\" varchar(30), PRIMARY KEY (\"instrument_code\", \"year\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_assessment_latest_report\" ON \"assessment_latest\" (\"instrument_code\", \"year\", \"worker_id\", \"at\", \"band\") ");
    await queryRunner.query("DROP INDEX \"idx_assessment_latest_report\"");
    await queryRunner.query("CREATE TABLE \"temporary_assessment_latest\" (\"instrument_code\" varchar(20) NOT NULL, \"year\" integer NOT NULL, \"worker_id\" varchar NOT NULL, \"result_id\" varchar NOT NULL, \"at\" datetime NOT NULL, \"band\" varchar(30), CONSTRAINT \"FK_631ca734ed636666b39499058fc\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"instrument_code\", \"year\", \"worker_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_assessment_latest\"(\"instrument_code\", \"year\", \"worker_id\", \"result_id\", \"at\", \"band\") SELECT \"instrument_code\", \"year\", \"worker_id\", \"result_id\", \"at\", \"band\" FROM \"assessment_latest\"");
    await queryRunner.query("DROP TABLE \"assessment_latest\"");
    await queryRunner.query("ALTER TABLE \"temporary_assessment_latest\" RENAME TO \"assessment_latest\"");
    await queryRunner.query("CREATE INDEX \"idx_assessment_latest_report\" ON \"assessment_latest\" (\"instrument_code\", \"year\", \"worker_id\", \"at\", \"band\") ");
    // Backfill (written by hand): each worker's latest result per instrument and UTC calendar year, set-based.
    await queryRunner.query(`INSERT INTO assessment_latest (instrument_code, year, worker_id, result_id, at, band)
       SELECT x.instrument_code, x.year, x.worker_id, x.id, x.created_at, x.band FROM (
         SELECT ar.instrument_code, CAST(strftime('%Y', ar.created_at) AS integer) AS year, ar.worker_id, ar.id, ar.created_at, ar.band,
           ROW_NUMBER() OVER (PARTITION BY ar.instrument_code, CAST(strftime('%Y', ar.created_at) AS integer), ar.worker_id ORDER BY ar.created_at DESC, ar.id DESC) AS rn
         FROM assessment_results ar
       ) x WHERE x.rn = 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_assessment_latest_report\"");
    await queryRunner.query("ALTER TABLE \"assessment_latest\" RENAME TO \"temporary_assessment_latest\"");
    await queryRunner.query("CREATE TABLE \"assessment_latest\" (\"instrument_code\" varchar(20) NOT NULL, \"year\" integer NOT NULL, \"worker_id\" varchar NOT NULL, \"result_id\" varchar NOT NULL, \"at\" datetime NOT NULL, \"band\" varchar(30), PRIMARY KEY (\"instrument_code\", \"year\", \"worker_id\"))");
    await queryRunner.query("INSERT INTO \"assessment_latest\"(\"instrument_code\", \"year\", \"worker_id\", \"result_id\", \"at\", \"band\") SELECT \"instrument_code\", \"year\", \"worker_id\", \"result_id\", \"at\", \"band\" FROM \"temporary_assessment_latest\"");
    await queryRunner.query("DROP TABLE \"temporary_assessment_latest\"");
    await queryRunner.query("CREATE INDEX \"idx_assessment_latest_report\" ON \"assessment_latest\" (\"instrument_code\", \"year\", \"worker_id\", \"at\", \"band\") ");
    await queryRunner.query("DROP INDEX \"idx_assessment_latest_report\"");
    await queryRunner.query("DROP TABLE \"assessment_latest\"");
  }
}
