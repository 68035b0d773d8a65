import { DAY } from '../../../platform/clock/clock.js';
import type { Transitions } from '../../../platform/state-machine.js';

/** 特殊心理事件: workplace death, serious accident, violence, disaster, other. */
export const INCIDENT_TYPES = ['workplace_death', 'serious_accident', 'violence', 'disaster', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Aftercare sessions: psychological first aid (心理急救) and group debriefing / support (团体疏导). */
export const SESSION_KINDS = ['psychological_first_aid', 'group_debriefing'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const INCIDENT_STATES = ['open', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** An incident's aftercare is open until closed; a closed incident can be reopened. */
export const INCIDENT_TRANSITIONS: Transitions<IncidentState> = {
  open: ['closed'],
  closed: ['open'],
};

/** The instruments of the re-screening: PTSD symptoms and depression. */
export const RESCREEN_INSTRUMENTS = ['PCL-5', 'PHQ-9'] as const;

export interface RescreenRound {
  round: number;
  offsetDays: number;
  opensAt: Date;
  closesAt: Date;
}

/**
 * The re-screening campaigns of an incident: one per offset (default 7 and 30 days after it happened), each open for
 * `windowMs`. An incident recorded late opens its overdue round now; of several overdue rounds only the latest is kept
 * (screening the same people twice on the same day helps nobody).
 */
export function rescreenRounds(occurredAt: Date, now: Date, offsetDays: readonly number[], windowMs: number): RescreenRound[] {
  const planned = offsetDays.map((offsetDays) => ({ offsetDays, at: new Date(occurredAt.getTime() + offsetDays * DAY) }));
  const overdue = planned.filter((p) => p.at <= now);
  const kept = [...(overdue.length > 0 ? [overdue[overdue.length - 1]] : []), ...planned.filter((p) => p.at > now)];
  return kept.map((p, i) => {
    const opensAt = p.at > now ? p.at : now;
    return { round: i + 1, offsetDays: p.offsetDays, opensAt, closesAt: new Date(opensAt.getTime() + windowMs) };
  });
}

export interface CoverageCounts {
  affected: number;
  /** Attended at least one aftercare session. */
  reached: number;
  /** Answered at least one instrument of the incident's re-screening. */
  screened: number;
  /** Had a positive re-screen. */
  positive: number;
  /** Had a referral sent since the incident. */
  referred: number;
  /** Positive but not referred: the gap to close. */
  positiveNotReferred: number;
}

export interface CoverageRates {
  /** reached / affected, screened / affected, positive / screened, referred / positive; percent, one decimal. */
  reachedPct: number | null;
  screenedPct: number | null;
  positivePct: number | null;
  positiveReferredPct: number | null;
}

const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function coverageRates(c: CoverageCounts): CoverageRates {
  return {
    reachedPct: pct(c.reached, c.affected),
    screenedPct: pct(c.screened, c.affected),
    positivePct: pct(c.positive, c.screened),
    positiveReferredPct: pct(c.positive - c.positiveNotReferred, c.positive),
  };
}
