/**
 * Deadlines are kept by the server (`dueAt` of a crisis case, `nextDueAt` of a desk request); the page only counts
 * down to them with the browser's clock, so a case turns overdue on screen without a reload.
 */
export interface Countdown {
  /** Milliseconds left (negative: overdue by that much). */
  leftMs: number;
  overdue: boolean;
}

export function countdown(dueAt: string, now: number, serverSaysOverdue = false): Countdown {
  const leftMs = new Date(dueAt).getTime() - now;
  return { leftMs, overdue: serverSaysOverdue || leftMs < 0 };
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
