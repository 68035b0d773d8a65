import { urgencyRank, type CrisisLevel } from '../../shared/levels.js';
import type { CaseState } from './case-state.js';

/** Rank of every acknowledged, in-progress, monitoring, referred or closed case: after all unacknowledged ones. */
export const ACKNOWLEDGED_RANK = 3;

/**
 * Where a case stands in the queue, stored with it (`queue_rank`) so the queue reads a page in index order: cases
 * nobody has acknowledged yet come first, imminent (0), then urgent (1), then concern (2); every other case after
 * them (3). Within a rank the queue orders by deadline.
 */
export const queueRank = (state: CaseState, level: CrisisLevel): number => (state === 'open' ? urgencyRank(level) : ACKNOWLEDGED_RANK);
