/**
 * Bench scenario for the service desk (issue #8): a worker's online request (`POST /api/v1/me/requests`) and the
 * desk's queue (`GET /api/v1/desk/requests` as a counsellor), over 200,000 stored requests (BENCH_DESK_REQUESTS).
 *
 * Seeding is set-wise (multi-row INSERTs through ctx.sql, no API round trips): requests spread over every enterprise
 * of the people seed across the last 400 days, one in ten still open (with deadlines, some supervised), each with
 * its first trail row; free text is real ciphertext under the bench's data key, so the app reads it as its own.
 */
import { randomUUID } from 'node:crypto';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import type { RouteBench, Scenario } from '../lib/context.js';
import { sqlTime } from '../lib/sql.js';

const REQUESTS = Number(process.env.BENCH_DESK_REQUESTS ?? 200_000);
const DAY = 86_400_000;
const CATEGORIES = ['psychological_distress', 'crisis', 'workplace_conflict', 'rights_wages', 'rights_overtime', 'rights_dismissal', 'family', 'other'];
const SUMMARIES = ['最近工作压力很大，睡不好', '下班后经常收到工作群消息', '公司拖欠工资', '与主管关系紧张', '家里老人生病，情绪低落', '被告知下月解除合同'];

const REQUEST_COLUMNS = [
  'id', 'reference', 'channel', 'category', 'urgency', 'crisis', 'status', 'worker_id', 'caller_name', 'callback_number', 'summary',
  'subject_unit_id', 'handling_unit_id', 'created_by', 'answer_due_at', 'answered_at', 'answer_seconds', 'reply_due_at', 'first_reply_at',
  'resolve_due_at', 'next_due_at', 'resolved_at', 'resolve_seconds', 'closed_at', 'resolution', 'satisfaction', 'feedback_comment',
  'reopen_count', 'trail_length', 'forward_count', 'overdue_at', 'supervision_level', 'supervising_unit_id', 'escalated_at', 'crisis_case_id',
  'created_at', 'updated_at',
];
const EVENT_COLUMNS = ['id', 'request_id', 'seq', 'kind', 'actor_id', 'from_status', 'to_status', 'from_unit_id', 'to_unit_id', 'body', 'to_worker', 'due_at', 'detail', 'created_at'];

/** Rows per call to ctx.sql.insert (it chunks further by its own parameter limit). */
const BATCH = 20_000;

export const serviceDeskScenario: Scenario = {
  name: 'service-desk',
  async seed(ctx) {
    const cipher = new FieldCipher(process.env.BENCH_DATA_KEY!);
    const summaries = SUMMARIES.map((s) => cipher.encrypt(s));
    const resolution = cipher.encrypt('已电话回访，问题已解决。');
    const phone = cipher.encrypt('13800138000');
    const t = (d: Date) => sqlTime(ctx.sql.dialect, d);
    const workers = await ctx.sql.query<{ id: string; org_unit_id: string }>('SELECT id, org_unit_id FROM workers LIMIT 20000');
    const now = Date.now();
    const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
    const perDay = new Map<string, number>();
    let requests: unknown[][] = [];
    let events: unknown[][] = [];
    const flush = async () => {
      await ctx.sql.insert('desk_requests', REQUEST_COLUMNS, requests);
      await ctx.sql.insert('desk_request_events', EVENT_COLUMNS, events);
      requests = [];
      events = [];
    };
    for (let i = 0; i < REQUESTS; i++) {
      const open = i % 10 === 0;
      const createdMs = open ? now - (i % 5) * DAY - (i % 97) * 60_000 : now - (1 + (i % 400)) * DAY - (i % 1440) * 60_000;
      const created = new Date(createdMs);
      const key = day(createdMs);
      const seq = (perDay.get(key) ?? 0) + 1;
      perDay.set(key, seq);
      const online = i % 3 !== 0;
      const worker = online ? workers[i % workers.length] : null;
      const unit = worker?.org_unit_id ?? ctx.units.enterprises[i % ctx.units.enterprises.length];
      const answered = !open || i % 20 !== 0;
      const due = new Date(createdMs + (open ? 3600_000 * (1 + (i % 48)) : 3600_000));
      const id = randomUUID();
      const resolved = !open;
      const overdue = open && i % 7 === 0;
      requests.push([
        id, `XG-${key}-${String(seq).padStart(4, '0')}`, online ? 'online' : 'hotline_12351', CATEGORIES[i % CATEGORIES.length], i % 50 === 0 ? 'urgent' : 'normal',
        i % 100 === 1, open ? (answered ? 'in_progress' : 'new') : 'closed', worker?.id ?? null, null, online ? null : phone, summaries[i % summaries.length],
        unit, unit, ctx.counsellorUserId, t(new Date(createdMs + 3600_000)), answered ? t(new Date(createdMs + 600_000)) : null, answered ? 600 : null,
        open ? t(due) : null, resolved ? t(new Date(createdMs + 3 * 3600_000)) : null,
        null, open ? t(answered ? due : new Date(createdMs + 3600_000)) : null, resolved ? t(new Date(createdMs + 2 * DAY)) : null, resolved ? 2 * 86_400 : null,
        resolved ? t(new Date(createdMs + 3 * DAY)) : null, resolved ? resolution : null, resolved ? 3 + (i % 3) : null, null,
        i % 40 === 0 ? 1 : 0, 1, i % 25 === 0 ? 1 : 0, overdue ? t(due) : null, overdue ? 1 : 0, overdue ? ctx.units.counsellorCity : null, overdue ? t(due) : null, null,
        t(created), t(created),
      ]);
      events.push([randomUUID(), id, 1, 'received', ctx.counsellorUserId, null, 'new', null, null, null, false, null, null, t(created)]);
      if (requests.length >= BATCH) await flush();
    }
    await flush();
    const counters = [...perDay.entries()].map(([d, last]) => [d, last]);
    for (let i = 0; i < counters.length; i += 1000) await ctx.sql.insert('desk_reference_counters', ['day', 'last_seq'], counters.slice(i, i + 1000));
  },
  async routes(ctx): Promise<RouteBench[]> {
    return [
      {
        name: 'POST /api/v1/me/requests (online intake)',
        method: 'POST',
        paths: ['/api/v1/me/requests'],
        token: ctx.tokens.worker,
        body: (i) => ({ category: CATEGORIES[i % CATEGORIES.length] === 'crisis' ? 'other' : CATEGORIES[i % CATEGORIES.length], summary: `${SUMMARIES[i % SUMMARIES.length]} #${i}` }),
      },
      {
        name: 'GET /api/v1/desk/requests (the desk queue)',
        paths: ['', '&page=2', '&page=5', '&overdue=true', '&category=rights_wages', '&status=new'].map((q) => `/api/v1/desk/requests?pageSize=50${q}`),
        token: ctx.tokens.counsellor,
      },
    ];
  },
};
