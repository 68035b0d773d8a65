import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstrumentVersions1796120649876 implements MigrationInterface {
  name = 'InstrumentVersions1796120649876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"instrument_versions\" (\"id\" varchar PRIMARY KEY NOT NULL, \"code\" varchar(20) NOT NULL, \"version\" varchar(20) NOT NULL, \"status\" varchar(10) NOT NULL, \"shipped\" boolean NOT NULL DEFAULT (0), \"definition\" text NOT NULL, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"published_at\" datetime, \"published_by\" varchar, \"retired_at\" datetime, \"retired_by\" varchar)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_instrument_versions_code_version\" ON \"instrument_versions\" (\"code\", \"version\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_instrument_versions_code_version\"");
    await queryRunner.query("DROP TABLE \"instrument_versions\"");
  }
}
