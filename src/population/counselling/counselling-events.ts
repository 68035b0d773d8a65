/**
 * The events counselling (面) publishes for other modules: the only part of counselling that the individual tier (点)
 * may import (the lint rule in eslint.config.js enforces it).
 */

/** Published when a counsellor flags a crisis from a session; the individual tier (点) opens the crisis case. */
export const COUNSELLING_CRISIS_FLAGGED = 'counselling.crisis_flagged';
/** Published when a counsellor asks for a referral (转介); the individual tier handles it. */
export const COUNSELLING_REFERRAL_REQUESTED = 'counselling.referral_requested';
