import type { MigrationInterface } from 'typeorm';
import { Foundation1795604006393 } from './1795604006393-Foundation.js';
import { Assessments1795605031552 } from './1795605031552-Assessments.js';
import { WorkerSearchIndexes1795605970997 } from './1795605970997-WorkerSearchIndexes.js';
import { PopulationServices1795606294111 } from './1795606294111-PopulationServices.js';
import { EapIntegration1795610826617 } from './1795610826617-EapIntegration.js';
// Generated list: scripts/migration-tool.ts appends here.

export const postgresMigrations: Array<new () => MigrationInterface> = [
  Foundation1795604006393,
  Assessments1795605031552,
  WorkerSearchIndexes1795605970997,
  PopulationServices1795606294111,
  EapIntegration1795610826617,
];
