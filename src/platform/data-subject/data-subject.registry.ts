import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryNamed } from '../database/named-query.js';
import type { FhirResource } from './fhir.js';

/** A heading and its lines, for the readable summary of a worker's data (Chinese first, then English). */
export interface SummarySection {
  title: { zh: string; en: string };
  /** Rows of label/value pairs, already in plain words. */
  rows: { label: string; value: string }[];
}

export interface ExportPart {
  resources: FhirResource[];
  sections: SummarySection[];
}

/** What is done to one table when a worker's data is erased (for the reviewer, the DPO and the coverage test). */
export interface ErasureRule {
  table: string;
  /** `delete`: rows go; `pseudonymise`: rows stay for aggregates, every identifying or free-text column is cleared. */
  action: 'delete' | 'pseudonymise';
  what: string;
}

/** Facts the erasure needs beside the worker id. */
export interface ErasureContext {
  workerId: string;
  /** The worker's sign-in accounts (users.id), whose rows elsewhere (notifications, tokens) go too. */
  userIds: string[];
  /** The worker's name and employee number as they were, for scrubbing free text that quoted them. */
  name: string;
  employeeNo: string | null;
}

/**
 * One module's part in the data-subject rights (PIPL arts. 44–47): what it holds about a worker, for the copy
 * (GET /me/export), and how it erases or pseudonymises it on an approved deletion request. Every module whose tables
 * hold a worker_id registers one (in onModuleInit); the deletion e2e test fails when a table with a worker_id is
 * covered by no contributor.
 */
export interface DataSubjectContributor {
  module: string;
  rules: readonly ErasureRule[];
  /** Runs in the deletion's transaction; must leave the counts the dashboards read unchanged. */
  erase(manager: EntityManager, context: ErasureContext): Promise<void>;
  export?(manager: EntityManager, workerId: string): Promise<ExportPart>;
  /** Reasons to keep the data for now (e.g. an open crisis case): shown to the reviewer; approval is refused while any. */
  holds?(manager: EntityManager, workerId: string): Promise<{ code: string; zh: string; en: string }[]>;
}

/**
 * The registry of contributors, in the platform so that every layer can contribute without importing the insights
 * module that runs the requests (imports point down only).
 */
@Injectable()
export class DataSubjectRegistry {
  private readonly contributors: DataSubjectContributor[] = [];

  register(contributor: DataSubjectContributor): void {
    if (this.contributors.some((c) => c.module === contributor.module)) throw new Error(`data-subject contributor ${contributor.module} registered twice`);
    this.contributors.push(contributor);
  }

  all(): readonly DataSubjectContributor[] {
    return this.contributors;
  }
}

/** Runs erasure statements (named parameters) in order, in the caller's transaction. */
export async function runErasure(manager: EntityManager, statements: readonly string[], params: Record<string, unknown>): Promise<void> {
  for (const sql of statements) await queryNamed(manager, sql, params);
}
