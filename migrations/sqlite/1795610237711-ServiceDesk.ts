import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceDesk1795610237711 implements MigrationInterface {
  name = 'ServiceDesk1795610237711';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"desk_request_events\" (\"id\" varchar PRIMARY KEY NOT NULL, \"request_id\" varchar NOT NULL, \"seq\" integer NOT NULL, \"kind\" varchar(30) NOT NULL, \"actor_id\" varchar, \"from_status\" varchar(20), \"to_status\" varchar(20), \"from_unit_id\" varchar, \"to_unit_id\" varchar, \"body\" text, \"to_worker\" boolean NOT NULL DEFAULT (0), \"due_at\" datetime, \"detail\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_request_events_request_seq\" ON \"desk_request_events\" (\"request_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"desk_requests\" (\"id\" varchar PRIMARY KEY NOT NULL, \"reference\" varchar(24) NOT NULL, \"channel\" varchar(20) NOT NULL, \"category\" varchar(40) NOT NULL, \"urgency\" varchar(12) NOT NULL, \"crisis\" boolean NOT NULL DEFAULT (0), \"status\" varchar(20) NOT NULL, \"worker_id\" varchar, \"caller_name\" text, \"callback_number\" text, \"summary\" text NOT NULL, \"subject_unit_id\" varchar NOT NULL, \"handling_unit_id\" varchar NOT NULL, \"created_by\" varchar NOT NULL, \"answer_due_at\" datetime, \"answered_at\" datetime, \"answer_seconds\" integer, \"reply_due_at\" datetime, \"first_reply_at\" datetime, \"resolve_due_at\" datetime, \"next_due_at\" datetime, \"resolved_at\" datetime, \"resolve_seconds\" integer, \"closed_at\" datetime, \"resolution\" text, \"satisfaction\" integer, \"feedback_comment\" text, \"reopen_count\" integer NOT NULL DEFAULT (0), \"trail_length\" integer NOT NULL DEFAULT (0), \"forward_count\" integer NOT NULL DEFAULT (0), \"overdue_at\" datetime, \"supervision_level\" integer NOT NULL DEFAULT (0), \"supervising_unit_id\" varchar, \"escalated_at\" datetime, \"crisis_case_id\" varchar, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_supervising\" ON \"desk_requests\" (\"supervising_unit_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_worker_created\" ON \"desk_requests\" (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_subject_created\" ON \"desk_requests\" (\"subject_unit_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_queue\" ON \"desk_requests\" (\"handling_unit_id\", \"status\", \"next_due_at\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_requests_reference\" ON \"desk_requests\" (\"reference\") ");
    await queryRunner.query("CREATE TABLE \"desk_routing_rules\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"category\" varchar(40) NOT NULL, \"target_unit_id\" varchar NOT NULL, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_routing_rules_unit_category\" ON \"desk_routing_rules\" (\"org_unit_id\", \"category\") ");
    await queryRunner.query("CREATE TABLE \"desk_forwards\" (\"id\" varchar PRIMARY KEY NOT NULL, \"request_id\" varchar NOT NULL, \"position\" integer NOT NULL, \"from_unit_id\" varchar NOT NULL, \"to_unit_id\" varchar NOT NULL, \"instructions\" text NOT NULL, \"due_at\" datetime NOT NULL, \"status\" varchar(10) NOT NULL, \"return_reason\" text, \"forwarded_by\" varchar NOT NULL, \"decided_by\" varchar, \"decided_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_desk_forwards_to_status\" ON \"desk_forwards\" (\"to_unit_id\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_forwards_request_position\" ON \"desk_forwards\" (\"request_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"desk_reference_counters\" (\"day\" varchar(8) PRIMARY KEY NOT NULL, \"last_seq\" integer NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"desk_reference_counters\"");
    await queryRunner.query("DROP INDEX \"uq_desk_forwards_request_position\"");
    await queryRunner.query("DROP INDEX \"idx_desk_forwards_to_status\"");
    await queryRunner.query("DROP TABLE \"desk_forwards\"");
    await queryRunner.query("DROP INDEX \"uq_desk_routing_rules_unit_category\"");
    await queryRunner.query("DROP TABLE \"desk_routing_rules\"");
    await queryRunner.query("DROP INDEX \"uq_desk_requests_reference\"");
    await queryRunner.query("DROP INDEX \"idx_desk_requests_queue\"");
    await queryRunner.query("DROP INDEX \"idx_desk_requests_subject_created\"");
    await queryRunner.query("DROP INDEX \"idx_desk_requests_worker_created\"");
    await queryRunner.query("DROP INDEX \"idx_desk_requests_supervising\"");
    await queryRunner.query("DROP TABLE \"desk_requests\"");
    await queryRunner.query("DROP INDEX \"uq_desk_request_events_request_seq\"");
    await queryRunner.query("DROP TABLE \"desk_request_events\"");
  }
}
