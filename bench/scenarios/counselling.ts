/**
 * Bench scenario for 心理咨询服务 (issue #6): booking a slot and listing a counsellor's week.
 *
 * The runner (bench/run.ts) owns the app process, the database and the people it signs in; this module seeds the
 * counselling tables in bulk (multi-row INSERTs, no API round trips) and describes the two requests to measure.
 *
 * What the runner should do:
 *   1. Start the built app on a fresh database (SQLite and PostgreSQL) and create, through the API or its own seed,
 *      one unit, N counsellor users of that unit and M worker profiles with worker accounts.
 *   2. `seedCounsellingConsents` for the workers, then `seedSlots` per counsellor (e.g. 60 days × 8 a day) and
 *      `seedAppointments` to book a share of them (e.g. 70%), so the tables hold realistic volume.
 *   3. Measure `counsellingScenarios` with autocannon (e.g. 10 connections, 20 s each), reporting requests/s and
 *      p50/p97.5/p99 latency, and check every answer has the expected status:
 *      - `counselling.book-slot`: POST as workers, each request a different free future slot (201 each). Each
 *        request runs the consent check, the held-slot insert guarded by the unique index, the reminder job, the
 *        counsellor's notification and the audit row in one transaction.
 *      - `counselling.counsellor-week`: GET a counsellor's 7-day calendar as that counsellor (200): one range scan
 *        on idx_counselling_appointments_counsellor_starts plus the audit row.
 */
import { randomUUID } from 'node:crypto';

export interface BenchDatabase {
  dialect: 'postgres' | 'sqlite';
  /** Runs one statement; placeholders come in the dialect’s style (`$1…` on PostgreSQL, `?` on SQLite). */
  query(sql: string, params: unknown[]): Promise<unknown>;
}

export interface SeededSlot {
  id: string;
  counsellorId: string;
  orgUnitId: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
}

const BATCH = 400;

/** A timestamp as each dialect stores it (TypeORM's SQLite format is UTC text without the T and Z). */
function time(db: BenchDatabase, date: Date): Date | string {
  return db.dialect === 'postgres' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

/** INSERT … VALUES (…), (…), … in batches, with one placeholder per value. */
async function insertRows(db: BenchDatabase, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value) => (params.push(value), db.dialect === 'postgres' ? `$${params.length}` : '?')).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

export interface SeedSlotsOptions {
  counsellorId: string;
  /** The counsellor's unit (workers of its subtree may book). */
  orgUnitId: string;
  /** First day (slots start at 09:00 UTC+8 = 01:00Z each day). */
  from: Date;
  days: number;
  slotsPerDay: number;
  slotMinutes?: number;
  place?: string;
}

/** Hour-long in-person slots, back to back from 09:00 Beijing time, `slotsPerDay` a day for `days` days. */
export async function seedSlots(db: BenchDatabase, options: SeedSlotsOptions): Promise<SeededSlot[]> {
  const minutes = options.slotMinutes ?? 50;
  const place = options.place ?? '职工服务中心心理咨询室';
  const slots: SeededSlot[] = [];
  const firstDay = Date.UTC(options.from.getUTCFullYear(), options.from.getUTCMonth(), options.from.getUTCDate(), 1, 0, 0);
  for (let day = 0; day < options.days; day++) {
    for (let n = 0; n < options.slotsPerDay; n++) {
      const startsAt = new Date(firstDay + day * 86_400_000 + n * 3_600_000);
      slots.push({ id: randomUUID(), counsellorId: options.counsellorId, orgUnitId: options.orgUnitId, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), place });
    }
  }
  await insertRows(
    db,
    'counselling_slots',
    ['id', 'counsellor_id', 'org_unit_id', 'starts_at', 'ends_at', 'mode', 'place', 'status', 'created_at'],
    slots.map((s) => [s.id, s.counsellorId, s.orgUnitId, time(db, s.startsAt), time(db, s.endsAt), 'in_person', s.place, 'open', time(db, options.from)]),
  );
  return slots;
}

export interface SeedAppointmentsOptions {
  /** Slots to book; every slot whose index modulo 10 is below `bookedPerTen` is booked. */
  slots: SeededSlot[];
  bookedPerTen: number;
  /** Workers (of the slots' unit subtree), taken round-robin. */
  workerIds: string[];
  /** The worker's unit, recorded on the appointment. */
  workerUnitId: string;
  /** Who booked (a worker's user id; any uuid will do for volume). */
  bookedBy: string;
  at: Date;
}

/** Booked appointments holding the chosen slots; answers the slots left free. */
export async function seedAppointments(db: BenchDatabase, options: SeedAppointmentsOptions): Promise<{ appointmentIds: string[]; freeSlots: SeededSlot[] }> {
  const rows: unknown[][] = [];
  const appointmentIds: string[] = [];
  const freeSlots: SeededSlot[] = [];
  options.slots.forEach((slot, index) => {
    if (index % 10 >= options.bookedPerTen) {
      freeSlots.push(slot);
      return;
    }
    const id = randomUUID();
    appointmentIds.push(id);
    const workerId = options.workerIds[rows.length % options.workerIds.length];
    rows.push([
      id, slot.id, slot.id, workerId, options.workerUnitId, slot.counsellorId, time(db, slot.startsAt), time(db, slot.endsAt),
      'in_person', slot.place, 'booked', options.bookedBy, time(db, options.at),
    ]);
  });
  await insertRows(
    db,
    'counselling_appointments',
    ['id', 'slot_id', 'held_slot_id', 'worker_id', 'org_unit_id', 'counsellor_id', 'starts_at', 'ends_at', 'mode', 'place', 'status', 'booked_by', 'created_at'],
    rows,
  );
  return { appointmentIds, freeSlots };
}

/** Standing `counselling` consent for each worker (booking requires it). */
export async function seedCounsellingConsents(db: BenchDatabase, workerIds: string[], recordedBy: string, at: Date): Promise<void> {
  await insertRows(
    db,
    'consents',
    ['id', 'worker_id', 'purpose', 'recipient_id', 'granted', 'recorded_by', 'on_paper', 'created_at'],
    workerIds.map((workerId) => [randomUUID(), workerId, 'counselling', '', db.dialect === 'postgres' ? true : 1, recordedBy, db.dialect === 'postgres' ? false : 0, time(db, at)]),
  );
}

export interface CounsellingBenchContext {
  /** Free future slots, one per booking request (the scenario consumes them in order). */
  freeSlotIds: string[];
  /** Access tokens of workers allowed to book those slots. */
  workerTokens: string[];
  /** Token of the counsellor whose week is listed. */
  counsellorToken: string;
  weekFrom: Date;
}

export interface BenchScenario {
  name: string;
  method: 'GET' | 'POST';
  /** The path of the i-th request. */
  path: (context: CounsellingBenchContext, i: number) => string;
  token: (context: CounsellingBenchContext, i: number) => string;
  body?: (context: CounsellingBenchContext, i: number) => Record<string, unknown>;
  expectStatus: number;
  /** How many requests the scenario can serve (booking consumes a slot per request). */
  capacity: (context: CounsellingBenchContext) => number;
}

export const counsellingScenarios: BenchScenario[] = [
  {
    name: 'counselling.book-slot',
    method: 'POST',
    path: () => '/api/v1/me/counselling/appointments',
    token: (context, i) => context.workerTokens[i % context.workerTokens.length],
    body: (context, i) => ({ slotId: context.freeSlotIds[i] }),
    expectStatus: 201,
    capacity: (context) => context.freeSlotIds.length,
  },
  {
    name: 'counselling.counsellor-week',
    method: 'GET',
    path: (context) => {
      const to = new Date(context.weekFrom.getTime() + 7 * 86_400_000);
      return `/api/v1/counselling/appointments?from=${encodeURIComponent(context.weekFrom.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    },
    token: (context) => context.counsellorToken,
    expectStatus: 200,
    capacity: () => Number.POSITIVE_INFINITY,
  },
];
