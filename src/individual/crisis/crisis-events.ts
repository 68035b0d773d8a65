/**
 * Domain events of the crisis module: published in the transaction that opens the case, with the case id as the
 * idempotency key.
 */
export const CRISIS_CASE_OPENED = 'crisis_case.opened';

export interface CrisisCaseOpenedEvent {
  caseId: string;
  workerId: string;
  orgUnitId: string;
  level: string;
  sourceType: string;
  sourceId: string | null;
  /** ISO 8601: when the first response is due. */
  dueAt: string;
}
