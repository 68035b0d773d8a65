/**
 * How soon a crisis result should be seen by a counsellor. The crisis-case issue (#4) brings deadlines kept by the
 * server; until then the queue measures each risk alert against this target, counted from the result.
 */
export const RESPONSE_TARGET_HOURS = 24;

export interface Deadline {
  /** Milliseconds since the result. */
  ageMs: number;
  /** Milliseconds left until the target (negative: overdue by that much). */
  leftMs: number;
  overdue: boolean;
}

export function deadlineOf(occurredAt: string, now: number, targetHours = RESPONSE_TARGET_HOURS): Deadline {
  const at = new Date(occurredAt).getTime();
  const ageMs = Math.max(0, now - at);
  const leftMs = at + targetHours * 3_600_000 - now;
  return { ageMs, leftMs, overdue: leftMs < 0 };
}

/** `2 天 3 小时`, `3 小时 12 分`, `8 分` (or the English words given). */
export function formatSpan(ms: number, words: { d: string; h: string; m: string }): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}${words.d} ${hours}${words.h}`;
  if (hours > 0) return `${hours}${words.h} ${mins}${words.m}`;
  return `${mins}${words.m}`;
}

/** `item_9_above_0` → which item, `total_at_least_20` → which total. */
export function describeReason(
  code: string,
): { kind: 'item'; item: number; above: number } | { kind: 'total'; atLeast: number } | null {
  const item = /^item_(\d+)_above_(\d+)$/.exec(code);
  if (item) return { kind: 'item', item: Number(item[1]), above: Number(item[2]) };
  const total = /^total_at_least_(\d+)$/.exec(code);
  if (total) return { kind: 'total', atLeast: Number(total[1]) };
  return null;
}
