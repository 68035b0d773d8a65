import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PreAggregatedReportCounts1796140365964 implements MigrationInterface {
  name = 'PreAggregatedReportCounts1796140365964';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"population_counts\" (\"unit_id\" uuid NOT NULL, \"scope\" character varying(10) NOT NULL, \"gender\" character varying(20) NOT NULL, \"birth_year\" integer NOT NULL, \"n\" integer NOT NULL, \"key_sum\" bigint NOT NULL, CONSTRAINT \"PK_7a1bc88455a39387bd0ce9ddcab\" PRIMARY KEY (\"unit_id\", \"scope\", \"gender\", \"birth_year\"))");
    await queryRunner.query("CREATE TABLE \"assessment_counts\" (\"instrument_code\" character varying(20) NOT NULL, \"year\" integer NOT NULL, \"unit_id\" uuid NOT NULL, \"scope\" character varying(10) NOT NULL, \"quarter\" integer NOT NULL, \"gender\" character varying(20) NOT NULL, \"age_band\" character varying(10) NOT NULL, \"band\" character varying(30) NOT NULL, \"n\" integer NOT NULL, \"key_sum\" bigint NOT NULL, CONSTRAINT \"PK_405d10d3cdd6b3e2a41eef9e706\" PRIMARY KEY (\"instrument_code\", \"year\", \"unit_id\", \"scope\", \"quarter\", \"gender\", \"age_band\", \"band\"))");
    // Backfill (written by hand, set-based): the units' own workers, then every ancestor's subtree from those rows.
    await queryRunner.query(`INSERT INTO population_counts (unit_id, scope, gender, birth_year, n, key_sum)
       SELECT w.org_unit_id, 'direct', w.gender, COALESCE(w.birth_year, 0), COUNT(*), SUM(w.record_key) FROM workers w
       GROUP BY w.org_unit_id, w.gender, COALESCE(w.birth_year, 0)`);
    await queryRunner.query(`INSERT INTO population_counts (unit_id, scope, gender, birth_year, n, key_sum)
       SELECT a.id, 'subtree', d.gender, d.birth_year, SUM(d.n), SUM(d.key_sum)
       FROM population_counts d JOIN org_units u ON u.id = d.unit_id JOIN org_units a ON u.path LIKE a.path || '%'
       WHERE d.scope = 'direct' GROUP BY d.gender, d.birth_year, a.id`);
    await queryRunner.query(`INSERT INTO assessment_counts (instrument_code, year, unit_id, quarter, gender, age_band, band, scope, n, key_sum)
       SELECT al.instrument_code, al.year, w.org_unit_id, CAST(EXTRACT(QUARTER FROM al.at AT TIME ZONE 'UTC') AS integer), w.gender, CASE WHEN w.birth_year IS NULL THEN 'unknown' WHEN al.year - w.birth_year < 30 THEN 'under_30' WHEN al.year - w.birth_year < 40 THEN '30_39' WHEN al.year - w.birth_year < 50 THEN '40_49' ELSE '50_plus' END, COALESCE(al.band, 'unbanded'), 'direct', COUNT(*), SUM(w.record_key)
       FROM assessment_latest al JOIN workers w ON w.id = al.worker_id
       GROUP BY al.instrument_code, al.year, w.org_unit_id, CAST(EXTRACT(QUARTER FROM al.at AT TIME ZONE 'UTC') AS integer), w.gender, CASE WHEN w.birth_year IS NULL THEN 'unknown' WHEN al.year - w.birth_year < 30 THEN 'under_30' WHEN al.year - w.birth_year < 40 THEN '30_39' WHEN al.year - w.birth_year < 50 THEN '40_49' ELSE '50_plus' END, COALESCE(al.band, 'unbanded')`);
    await queryRunner.query(`INSERT INTO assessment_counts (instrument_code, year, unit_id, quarter, gender, age_band, band, scope, n, key_sum)
       SELECT d.instrument_code, d.year, a.id, d.quarter, d.gender, d.age_band, d.band, 'subtree', SUM(d.n), SUM(d.key_sum)
       FROM assessment_counts d JOIN org_units u ON u.id = d.unit_id JOIN org_units a ON u.path LIKE a.path || '%'
       WHERE d.scope = 'direct' GROUP BY d.instrument_code, d.year, d.quarter, d.gender, d.age_band, d.band, a.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"assessment_counts\"");
    await queryRunner.query("DROP TABLE \"population_counts\"");
  }
}
