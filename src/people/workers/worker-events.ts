/**
 * Domain events of the workers module. Contract for subscribers (the subgroup tier enrols workers on the facts that
 * changed): published in the transaction that creates or changes the profile.
 */
export const WORKER_PROFILE_CHANGED = 'worker.profile_changed';

export interface WorkerProfileChangedEvent {
  workerId: string;
  /** The profile facts that changed (`orgUnitId`, `gender`, …). */
  changed: string[];
  /** Set when the profile was created (by hand or by a roster import). */
  created?: boolean;
}
