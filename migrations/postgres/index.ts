import type { MigrationInterface } from 'typeorm';
import { Foundation1795604006393 } from './1795604006393-Foundation.js';
import { PopulationServices1795606294111 } from './1795606294111-PopulationServices.js';
// Generated list: scripts/generate-migration.ts appends here.

export const postgresMigrations: Array<new () => MigrationInterface> = [Foundation1795604006393, PopulationServices1795606294111];
