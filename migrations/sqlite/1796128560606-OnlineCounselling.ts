import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OnlineCounselling1796128560606 implements MigrationInterface {
  name = 'OnlineCounselling1796128560606';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"online_conversations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"counsellor_id\" varchar NOT NULL, \"appointment_id\" varchar, \"opens_at\" datetime NOT NULL, \"status\" varchar(8) NOT NULL, \"video_url\" varchar(500), \"message_count\" integer NOT NULL DEFAULT (0), \"last_message_at\" datetime, \"worker_read_seq\" integer NOT NULL DEFAULT (0), \"worker_read_at\" datetime, \"counsellor_read_seq\" integer NOT NULL DEFAULT (0), \"counsellor_read_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_online_conversations_worker\" ON \"online_conversations\" (\"worker_id\", \"last_message_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_online_conversations_counsellor\" ON \"online_conversations\" (\"counsellor_id\", \"last_message_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_conversations_appointment\" ON \"online_conversations\" (\"appointment_id\") ");
    await queryRunner.query("CREATE TABLE \"online_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"conversation_id\" varchar NOT NULL, \"worker_id\" varchar NOT NULL, \"seq\" integer NOT NULL, \"sender\" varchar(10) NOT NULL, \"sender_user_id\" varchar, \"body\" text NOT NULL, \"crisis_flag\" boolean NOT NULL DEFAULT (0), \"crisis_case_requested_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_online_messages_worker\" ON \"online_messages\" (\"worker_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_messages_seq\" ON \"online_messages\" (\"conversation_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"online_office_hours\" (\"counsellor_id\" varchar PRIMARY KEY NOT NULL, \"windows\" text NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("DROP INDEX \"idx_online_messages_worker\"");
    await queryRunner.query("DROP INDEX \"uq_online_messages_seq\"");
    await queryRunner.query("CREATE TABLE \"temporary_online_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"conversation_id\" varchar NOT NULL, \"worker_id\" varchar NOT NULL, \"seq\" integer NOT NULL, \"sender\" varchar(10) NOT NULL, \"sender_user_id\" varchar, \"body\" text NOT NULL, \"crisis_flag\" boolean NOT NULL DEFAULT (0), \"crisis_case_requested_at\" datetime, \"created_at\" datetime NOT NULL, CONSTRAINT \"FK_a5ddd515565fcadf1c93464e4dd\" FOREIGN KEY (\"conversation_id\") REFERENCES \"online_conversations\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_online_messages\"(\"id\", \"conversation_id\", \"worker_id\", \"seq\", \"sender\", \"sender_user_id\", \"body\", \"crisis_flag\", \"crisis_case_requested_at\", \"created_at\") SELECT \"id\", \"conversation_id\", \"worker_id\", \"seq\", \"sender\", \"sender_user_id\", \"body\", \"crisis_flag\", \"crisis_case_requested_at\", \"created_at\" FROM \"online_messages\"");
    await queryRunner.query("DROP TABLE \"online_messages\"");
    await queryRunner.query("ALTER TABLE \"temporary_online_messages\" RENAME TO \"online_messages\"");
    await queryRunner.query("CREATE INDEX \"idx_online_messages_worker\" ON \"online_messages\" (\"worker_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_messages_seq\" ON \"online_messages\" (\"conversation_id\", \"seq\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_online_messages_seq\"");
    await queryRunner.query("DROP INDEX \"idx_online_messages_worker\"");
    await queryRunner.query("ALTER TABLE \"online_messages\" RENAME TO \"temporary_online_messages\"");
    await queryRunner.query("CREATE TABLE \"online_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"conversation_id\" varchar NOT NULL, \"worker_id\" varchar NOT NULL, \"seq\" integer NOT NULL, \"sender\" varchar(10) NOT NULL, \"sender_user_id\" varchar, \"body\" text NOT NULL, \"crisis_flag\" boolean NOT NULL DEFAULT (0), \"crisis_case_requested_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"online_messages\"(\"id\", \"conversation_id\", \"worker_id\", \"seq\", \"sender\", \"sender_user_id\", \"body\", \"crisis_flag\", \"crisis_case_requested_at\", \"created_at\") SELECT \"id\", \"conversation_id\", \"worker_id\", \"seq\", \"sender\", \"sender_user_id\", \"body\", \"crisis_flag\", \"crisis_case_requested_at\", \"created_at\" FROM \"temporary_online_messages\"");
    await queryRunner.query("DROP TABLE \"temporary_online_messages\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_messages_seq\" ON \"online_messages\" (\"conversation_id\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"idx_online_messages_worker\" ON \"online_messages\" (\"worker_id\") ");
    await queryRunner.query("DROP TABLE \"online_office_hours\"");
    await queryRunner.query("DROP INDEX \"uq_online_messages_seq\"");
    await queryRunner.query("DROP INDEX \"idx_online_messages_worker\"");
    await queryRunner.query("DROP TABLE \"online_messages\"");
    await queryRunner.query("DROP INDEX \"uq_online_conversations_appointment\"");
    await queryRunner.query("DROP INDEX \"idx_online_conversations_counsellor\"");
    await queryRunner.query("DROP INDEX \"idx_online_conversations_worker\"");
    await queryRunner.query("DROP TABLE \"online_conversations\"");
  }
}
