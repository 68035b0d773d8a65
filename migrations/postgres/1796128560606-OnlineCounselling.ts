import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OnlineCounselling1796128560606 implements MigrationInterface {
  name = 'OnlineCounselling1796128560606';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"online_conversations\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"counsellor_id\" uuid NOT NULL, \"appointment_id\" uuid, \"opens_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(8) NOT NULL, \"video_url\" character varying(500), \"message_count\" integer NOT NULL DEFAULT '0', \"last_message_at\" TIMESTAMP WITH TIME ZONE, \"worker_read_seq\" integer NOT NULL DEFAULT '0', \"worker_read_at\" TIMESTAMP WITH TIME ZONE, \"counsellor_read_seq\" integer NOT NULL DEFAULT '0', \"counsellor_read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_bbd82dc87df5681040bcc6d8a7e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_online_conversations_worker\" ON \"online_conversations\"  (\"worker_id\", \"last_message_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_online_conversations_counsellor\" ON \"online_conversations\"  (\"counsellor_id\", \"last_message_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_conversations_appointment\" ON \"online_conversations\"  (\"appointment_id\") ");
    await queryRunner.query("CREATE TABLE \"online_messages\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"conversation_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"sender\" character varying(10) NOT NULL, \"sender_user_id\" uuid, \"body\" text NOT NULL, \"crisis_flag\" boolean NOT NULL DEFAULT false, \"crisis_case_requested_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_2b8fe411cb3da4f1bc04c3cdcf4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_online_messages_worker\" ON \"online_messages\"  (\"worker_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_online_messages_seq\" ON \"online_messages\"  (\"conversation_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"online_office_hours\" (\"counsellor_id\" uuid NOT NULL, \"windows\" jsonb NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_72c28d69b6d274fc1dcce72cdb8\" PRIMARY KEY (\"counsellor_id\"))");
    await queryRunner.query("ALTER TABLE \"online_messages\" ADD CONSTRAINT \"FK_a5ddd515565fcadf1c93464e4dd\" FOREIGN KEY (\"conversation_id\") REFERENCES \"online_conversations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"online_messages\" DROP CONSTRAINT \"FK_a5ddd515565fcadf1c93464e4dd\"");
    await queryRunner.query("DROP TABLE \"online_office_hours\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_online_messages_seq\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_online_messages_worker\"");
    await queryRunner.query("DROP TABLE \"online_messages\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_online_conversations_appointment\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_online_conversations_counsellor\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_online_conversations_worker\"");
    await queryRunner.query("DROP TABLE \"online_conversations\"");
  }
}
