/**
 * The events 线上心理疏导 (面) publishes for other modules: the only part of it the individual tier (点) may import
 * (the lint rule in eslint.config.js enforces it).
 */

/** A counsellor asked for a crisis case from a worker's message; 点 opens it (one case per message). */
export const ONLINE_COUNSELLING_CRISIS_FLAGGED = 'online_counselling.crisis_flagged';

/** The levels a counsellor can give, in the individual tier's vocabulary. */
export const ONLINE_CRISIS_LEVELS = ['imminent', 'urgent', 'concern'] as const;
export type OnlineCrisisLevel = (typeof ONLINE_CRISIS_LEVELS)[number];

export interface OnlineCrisisFlaggedEvent {
  messageId: string;
  conversationId: string;
  workerId: string;
  /** The worker's unit when the conversation was opened. */
  orgUnitId: string;
  /** The counsellor who asked for the case (offered the case first). */
  counsellorId: string;
  level: OnlineCrisisLevel;
  /** Whether the message matched the crisis-language list (the counsellor may also flag an unmatched one). */
  matchedCrisisLanguage: boolean;
  /** ISO 8601. */
  occurredAt: string;
}
