import type { MigrationInterface } from 'typeorm';
import { Foundation1795604006393 } from './1795604006393-Foundation.js';
import { Assessments1795605031552 } from './1795605031552-Assessments.js';
// Generated list: scripts/generate-migration.ts appends here.

export const postgresMigrations: Array<new () => MigrationInterface> = [Foundation1795604006393, Assessments1795605031552];
