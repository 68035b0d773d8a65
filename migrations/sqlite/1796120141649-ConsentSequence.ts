import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentSequence1796120141649 implements MigrationInterface {
  name = 'ConsentSequence1796120141649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_consents_lookup\"");
    await queryRunner.query("CREATE TABLE \"temporary_consents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"purpose\" varchar(30) NOT NULL, \"recipient_id\" varchar(64) NOT NULL DEFAULT (''), \"granted\" boolean NOT NULL, \"recorded_by\" varchar NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT (0), \"note\" varchar(500), \"created_at\" datetime NOT NULL, \"seq\" integer NOT NULL, CONSTRAINT \"FK_ba465267d131b0c18c71becf6a2\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    // Backfill (written by hand): each worker's existing consents numbered in the order they were recorded.
    await queryRunner.query(`INSERT INTO "temporary_consents"("id", "worker_id", "purpose", "recipient_id", "granted", "recorded_by", "on_paper", "note", "created_at", "seq")
       SELECT "id", "worker_id", "purpose", "recipient_id", "granted", "recorded_by", "on_paper", "note", "created_at",
         ROW_NUMBER() OVER (PARTITION BY "worker_id" ORDER BY "created_at", "rowid") FROM "consents"`);
    await queryRunner.query("DROP TABLE \"consents\"");
    await queryRunner.query("ALTER TABLE \"temporary_consents\" RENAME TO \"consents\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_consents_worker_seq\" ON \"consents\" (\"worker_id\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" (\"worker_id\", \"purpose\", \"recipient_id\", \"seq\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_consents_lookup\"");
    await queryRunner.query("DROP INDEX \"uq_consents_worker_seq\"");
    await queryRunner.query("ALTER TABLE \"consents\" RENAME TO \"temporary_consents\"");
    await queryRunner.query("CREATE TABLE \"consents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"purpose\" varchar(30) NOT NULL, \"recipient_id\" varchar(64) NOT NULL DEFAULT (''), \"granted\" boolean NOT NULL, \"recorded_by\" varchar NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT (0), \"note\" varchar(500), \"created_at\" datetime NOT NULL, CONSTRAINT \"FK_ba465267d131b0c18c71becf6a2\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"consents\"(\"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\") SELECT \"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\" FROM \"temporary_consents\"");
    await queryRunner.query("DROP TABLE \"temporary_consents\"");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
  }
}
