/** One change to a case, referral or incident. */
export class HistoryDto {
  id: number;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  /** A user id, or null for the system. */
  actorId: string | null;
  /** `system`, `vendor:<id>` when the change was not made by a user. */
  actorLabel: string | null;
  /** The actor's display name (null for the system or a vendor). */
  actorName: string | null;
  /** For assignments: the display names of the previous and the new assignee. */
  fromName: string | null;
  toName: string | null;
  at: string;
}
