import { randomInt } from 'node:crypto';

/**
 * Cell-key perturbation (after the ABS TableBuilder method; docs/insights.md): every record (a worker, a desk request)
 * carries a fixed random key stored with it; a published cell's key is the sum of its records' keys, so the same set
 * of records always gets the same key, whichever report, filter or breakdown reaches it, and composites add their
 * parts' keys. The noise added to a count is a deterministic function of (cell key, count): asking again, or asking
 * the same cell another way, returns the same number, so averaging repeated requests gains nothing; two cells that
 * differ by a few people have unrelated noise, so subtracting them gives a noisy difference, never an exact one.
 *
 * The noise is two-sided geometric (the discrete Laplace of differential privacy) with ratio `NOISE_RATIO`: zero for
 * 46 % of cells, within ±1 for 80 %, ±2 for 93 %, ±3 for 97 %, capped at ±`MAX_ERROR` (a cap it reaches with
 * probability about 10⁻⁹, so even an attacker who knows the cap cannot pin a cell at its edge).
 * Small-cell rule on top: a count is published only when the true count and the perturbed count both reach k.
 * Pure: no database, no Nest.
 */
export const KEY_MODULUS = 2 ** 31;
export const NOISE_RATIO = Math.exp(-1);
export const MAX_ERROR = 20;
/** Share of cells within ±d, for the notes: d → share. */
export const TYPICAL_ERRORS: ReadonlyArray<readonly [number, number]> = [1, 2, 3].map((d) => [d, 1 - (2 * NOISE_RATIO ** (d + 1)) / (1 + NOISE_RATIO)] as const);

export type WithheldReason = 'fewer_than_k';

/** A published count: perturbed (exact = false) or withheld with the reason. */
export interface PublishedCell {
  count: number | null;
  suppressed: boolean;
  /** False: the count is perturbed within ±MAX_ERROR (usually ±2). */
  exact: boolean;
  reason: WithheldReason | null;
}

/** A fresh record key, drawn once when the record is created and never changed. */
export function newRecordKey(): number {
  return randomInt(0, KEY_MODULUS);
}

/** Deterministic 32-bit mix (murmur3's finaliser over two words). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stream tag, so two statistics of one set of records (a count, a mean) get unrelated noise. */
export function streamOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const COUNT_STREAM = streamOf('count');

/** The perturbation of a cell: a function of its key sum, its count and the statistic only. */
export function noiseFor(keySum: number, count: number, stream = COUNT_STREAM): number {
  const cellKey = ((keySum % KEY_MODULUS) + KEY_MODULUS) % KEY_MODULUS;
  const h1 = mix(cellKey, mix(count, stream));
  const h2 = mix(h1, cellKey ^ stream);
  const u = (h1 + 0.5) / 2 ** 32;
  const zero = (1 - NOISE_RATIO) / (1 + NOISE_RATIO);
  if (u < zero) return 0;
  const sign = u < zero + (1 - zero) / 2 ? 1 : -1;
  const v = (h2 + 0.5) / 2 ** 32;
  const magnitude = 1 + Math.floor(Math.log(v) / Math.log(NOISE_RATIO));
  return sign * Math.min(MAX_ERROR, magnitude);
}

/** A count as published: perturbed, and withheld when the true or the perturbed count is under k. */
export function publishCount(count: number, keySum: number, k: number): PublishedCell {
  const perturbed = count + noiseFor(keySum, count);
  if (count < k || perturbed < k) return { count: null, suppressed: true, exact: false, reason: 'fewer_than_k' };
  return { count: perturbed, suppressed: false, exact: false, reason: null };
}

/**
 * A mean over `n` records (a rating, a score, a duration): published only when n reaches k, perturbed by the cell's
 * noise scaled to what one record can move it (`spread / n`, or 5 % of the mean for unbounded values), clamped to
 * the values' range and rounded to one decimal.
 */
export function publishMean(
  mean: number | null,
  n: number,
  keySum: number,
  k: number,
  stat: string,
  range: { min: number; max: number } | null,
): { value: number | null; exact: false } {
  if (mean === null || n < k) return { value: null, exact: false };
  const unit = range ? (range.max - range.min) / n : Math.max(Math.abs(mean), 1) * 0.05;
  let value = mean + noiseFor(keySum, n, streamOf(stat)) * unit;
  if (range) value = Math.min(range.max, Math.max(range.min, value));
  else value = Math.max(0, value);
  return { value: Math.round(value * 10) / 10, exact: false };
}

/** What every perturbed report states about its numbers (the API's `disclosure` object). */
export function disclosureOf(k: number): DisclosureInfo {
  return {
    method: 'cell_key_perturbation',
    minCellSize: k,
    maxError: MAX_ERROR,
    typicalErrors: TYPICAL_ERRORS.map(([within, share]) => ({ within, share: Math.round(share * 1000) / 1000 })),
  };
}

export interface DisclosureInfo {
  method: 'cell_key_perturbation';
  /** k: a count is published only when both the true and the perturbed count reach it. */
  minCellSize: number;
  /** No published count is off by more than this. */
  maxError: number;
  /** Share of counts within ±within of the true count. */
  typicalErrors: { within: number; share: number }[];
}
