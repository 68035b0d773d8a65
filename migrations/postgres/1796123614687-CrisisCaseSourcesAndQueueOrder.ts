import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Crisis cases: every source of a case (one person, one open case), queue order by acknowledgement and urgency, contact note. */
export class CrisisCaseSourcesAndQueueOrder1796123614687 implements MigrationInterface {
  name = 'CrisisCaseSourcesAndQueueOrder1796123614687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_assignee_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_state_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_active_due\"");
    await queryRunner.query("CREATE TABLE \"crisis_case_triggers\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"case_id\" uuid NOT NULL, \"source_type\" character varying(20) NOT NULL, \"source_id\" character varying(64), \"level\" character varying(10) NOT NULL, \"joined\" boolean NOT NULL, \"detail\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_bb942c22529a28476f563fe6fad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_crisis_case_triggers_case\" ON \"crisis_case_triggers\"  (\"case_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_crisis_case_triggers_source\" ON \"crisis_case_triggers\"  (\"source_type\", \"source_id\") ");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" ADD \"queue_rank\" integer NOT NULL DEFAULT '3'");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" ADD \"contact_note\" text");
    await queryRunner.query("UPDATE \"crisis_cases\" SET \"queue_rank\" = CASE WHEN \"state\" = 'open' THEN (CASE \"level\" WHEN 'imminent' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END) ELSE 3 END");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_assignee_queue\" ON \"crisis_cases\"  (\"assignee_id\", \"active\", \"queue_rank\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_state_queue\" ON \"crisis_cases\"  (\"state\", \"queue_rank\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_active_queue\" ON \"crisis_cases\"  (\"active\", \"queue_rank\", \"due_at\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_active_queue\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_state_queue\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_assignee_queue\"");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" DROP COLUMN \"contact_note\"");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" DROP COLUMN \"queue_rank\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_crisis_case_triggers_source\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_case_triggers_case\"");
    await queryRunner.query("DROP TABLE \"crisis_case_triggers\"");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_active_due\" ON \"crisis_cases\" USING btree (\"active\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_state_due\" ON \"crisis_cases\" USING btree (\"state\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_assignee_due\" ON \"crisis_cases\" USING btree (\"assignee_id\", \"active\", \"due_at\", \"id\") ");
  }
}
