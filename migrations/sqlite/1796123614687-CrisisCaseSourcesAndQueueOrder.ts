import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Crisis cases: every source of a case (one person, one open case), queue order by acknowledgement and urgency, contact note. */
export class CrisisCaseSourcesAndQueueOrder1796123614687 implements MigrationInterface {
  name = 'CrisisCaseSourcesAndQueueOrder1796123614687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_active_due\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_state_due\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_assignee_due\"");
    await queryRunner.query("CREATE TABLE \"crisis_case_triggers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"case_id\" varchar NOT NULL, \"source_type\" varchar(20) NOT NULL, \"source_id\" varchar(64), \"level\" varchar(10) NOT NULL, \"joined\" boolean NOT NULL, \"detail\" text NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_crisis_case_triggers_case\" ON \"crisis_case_triggers\" (\"case_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_crisis_case_triggers_source\" ON \"crisis_case_triggers\" (\"source_type\", \"source_id\") ");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_report\"");
    await queryRunner.query("DROP INDEX \"uq_crisis_cases_source\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_worker\"");
    await queryRunner.query("CREATE TABLE \"temporary_crisis_cases\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"level\" varchar(10) NOT NULL, \"state\" varchar(20) NOT NULL, \"active\" boolean NOT NULL, \"due_at\" datetime NOT NULL, \"assignee_id\" varchar, \"source_type\" varchar(20) NOT NULL, \"source_id\" varchar(64), \"summary\" text, \"opened_by\" varchar, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"escalation_step\" integer NOT NULL DEFAULT (0), \"escalated_unit_id\" varchar, \"next_escalation_at\" datetime, \"closed_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"queue_rank\" integer NOT NULL DEFAULT (3), \"contact_note\" text, CONSTRAINT \"FK_9bb0ffd00bfda757454524fbdce\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_crisis_cases\"(\"id\", \"worker_id\", \"org_unit_id\", \"level\", \"state\", \"active\", \"due_at\", \"assignee_id\", \"source_type\", \"source_id\", \"summary\", \"opened_by\", \"acknowledged_at\", \"acknowledged_by\", \"escalation_step\", \"escalated_unit_id\", \"next_escalation_at\", \"closed_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"level\", \"state\", \"active\", \"due_at\", \"assignee_id\", \"source_type\", \"source_id\", \"summary\", \"opened_by\", \"acknowledged_at\", \"acknowledged_by\", \"escalation_step\", \"escalated_unit_id\", \"next_escalation_at\", \"closed_at\", \"created_at\", \"updated_at\" FROM \"crisis_cases\"");
    await queryRunner.query("DROP TABLE \"crisis_cases\"");
    await queryRunner.query("ALTER TABLE \"temporary_crisis_cases\" RENAME TO \"crisis_cases\"");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_report\" ON \"crisis_cases\" (\"created_at\", \"worker_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_crisis_cases_source\" ON \"crisis_cases\" (\"source_type\", \"source_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_worker\" ON \"crisis_cases\" (\"worker_id\", \"created_at\") ");
    await queryRunner.query("UPDATE \"crisis_cases\" SET \"queue_rank\" = CASE WHEN \"state\" = 'open' THEN (CASE \"level\" WHEN 'imminent' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END) ELSE 3 END");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_assignee_queue\" ON \"crisis_cases\" (\"assignee_id\", \"active\", \"queue_rank\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_state_queue\" ON \"crisis_cases\" (\"state\", \"queue_rank\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_active_queue\" ON \"crisis_cases\" (\"active\", \"queue_rank\", \"due_at\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_active_queue\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_state_queue\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_assignee_queue\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_worker\"");
    await queryRunner.query("DROP INDEX \"uq_crisis_cases_source\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_cases_report\"");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" RENAME TO \"temporary_crisis_cases\"");
    await queryRunner.query("CREATE TABLE \"crisis_cases\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"level\" varchar(10) NOT NULL, \"state\" varchar(20) NOT NULL, \"active\" boolean NOT NULL, \"due_at\" datetime NOT NULL, \"assignee_id\" varchar, \"source_type\" varchar(20) NOT NULL, \"source_id\" varchar(64), \"summary\" text, \"opened_by\" varchar, \"acknowledged_at\" datetime, \"acknowledged_by\" varchar, \"escalation_step\" integer NOT NULL DEFAULT (0), \"escalated_unit_id\" varchar, \"next_escalation_at\" datetime, \"closed_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_9bb0ffd00bfda757454524fbdce\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"crisis_cases\"(\"id\", \"worker_id\", \"org_unit_id\", \"level\", \"state\", \"active\", \"due_at\", \"assignee_id\", \"source_type\", \"source_id\", \"summary\", \"opened_by\", \"acknowledged_at\", \"acknowledged_by\", \"escalation_step\", \"escalated_unit_id\", \"next_escalation_at\", \"closed_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"worker_id\", \"org_unit_id\", \"level\", \"state\", \"active\", \"due_at\", \"assignee_id\", \"source_type\", \"source_id\", \"summary\", \"opened_by\", \"acknowledged_at\", \"acknowledged_by\", \"escalation_step\", \"escalated_unit_id\", \"next_escalation_at\", \"closed_at\", \"created_at\", \"updated_at\" FROM \"temporary_crisis_cases\"");
    await queryRunner.query("DROP TABLE \"temporary_crisis_cases\"");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_worker\" ON \"crisis_cases\" (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_crisis_cases_source\" ON \"crisis_cases\" (\"source_type\", \"source_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_report\" ON \"crisis_cases\" (\"created_at\", \"worker_id\") ");
    await queryRunner.query("DROP INDEX \"uq_crisis_case_triggers_source\"");
    await queryRunner.query("DROP INDEX \"idx_crisis_case_triggers_case\"");
    await queryRunner.query("DROP TABLE \"crisis_case_triggers\"");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_assignee_due\" ON \"crisis_cases\" (\"assignee_id\", \"active\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_state_due\" ON \"crisis_cases\" (\"state\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_active_due\" ON \"crisis_cases\" (\"active\", \"due_at\", \"id\") ");
  }
}
