/** A counsellor on duty, found by the duty roster for the worker's unit or one of its ancestors. */
export interface DutyCandidate {
  userId: string;
  /** The unit whose roster the shift is on, and its depth (deeper = nearer the worker). */
  unitId: string;
  unitDepth: number;
  shiftStartsAt: Date;
}

/**
 * THE SEAM for issue #7 (counsellor training): who of the counsellors on duty gets a new case. Today: the nearest
 * unit with someone on duty, then the shift that started first, then the user id (deterministic). Issue #7 will prefer
 * counsellors certified in crisis intervention here; it is the one place that decides.
 */
export function chooseResponder(candidates: readonly DutyCandidate[]): DutyCandidate | null {
  if (candidates.length === 0) return null;
  return [...candidates].sort(
    (a, b) => b.unitDepth - a.unitDepth || a.shiftStartsAt.getTime() - b.shiftStartsAt.getTime() || a.userId.localeCompare(b.userId),
  )[0];
}
