import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstrumentVersions1796120649876 implements MigrationInterface {
  name = 'InstrumentVersions1796120649876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"instrument_versions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"code\" character varying(20) NOT NULL, \"version\" character varying(20) NOT NULL, \"status\" character varying(10) NOT NULL, \"shipped\" boolean NOT NULL DEFAULT false, \"definition\" jsonb NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by\" uuid, \"retired_at\" TIMESTAMP WITH TIME ZONE, \"retired_by\" uuid, CONSTRAINT \"PK_74823b894fd7cf2ab4bd6aaf1d3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_instrument_versions_code_version\" ON \"instrument_versions\"  (\"code\", \"version\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_instrument_versions_code_version\"");
    await queryRunner.query("DROP TABLE \"instrument_versions\"");
  }
}
