/**
 * Bench scenario for the EAP vendor API (issue #5; the issue sets no target): a vendor's system listing its newest
 * referrals and reading one, with its API key. Seeds in bulk: five vendors, 10,000 sent referrals each (the shared
 * data encrypted as the app writes it), so the list is one range of idx_eap_referrals_vendor_sent among 50,000 rows.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.js';
import type { BenchContext, RouteBench, Scenario } from '../lib/context.js';

const VENDORS = 5;
const PER_VENDOR = 10_000;
let vendorKey = '';
let refs: string[] = [];

async function seed(ctx: BenchContext): Promise<void> {
  const cipher = new FieldCipher(process.env.BENCH_DATA_KEY!);
  const admin = ctx.tokens.admin;
  const vendorIds: string[] = [];
  for (let v = 0; v < VENDORS; v++) {
    const vendor = await ctx.api<{ id: string }>('POST', '/api/v1/eap/vendors', admin, { name: `bench-vendor-${v}`, services: ['individual_counselling', 'hotline'] });
    vendorIds.push(vendor.id);
  }
  vendorKey = (await ctx.api<{ key: string }>('POST', `/api/v1/eap/vendors/${vendorIds[0]}/api-keys`, admin, { label: 'bench' })).key;
  const contract = await ctx.api<{ id: string }>('POST', '/api/v1/eap/contracts', admin, {
    vendorId: vendorIds[0],
    orgUnitId: ctx.units.root,
    reference: 'BENCH-EAP',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
    services: ['individual_counselling', 'hotline'],
    sessionsPerWorker: 6,
    sessionsTotal: 1_000_000,
    pricePerSessionCents: 30000,
  });
  const workerIds = ctx.workerIdsInScope;
  const start = Date.now() - PER_VENDOR * 60_000;
  const rows: unknown[][] = [];
  refs = [];
  for (const [v, vendorId] of vendorIds.entries()) {
    for (let i = 0; i < PER_VENDOR; i++) {
      const ref = `ref_${randomBytes(15).toString('base64url')}`;
      if (v === 0) refs.push(ref);
      const contact = { channel: 'worker_initiates', detail: null, bestTime: null };
      const summary = '近期睡眠差，工作压力大 / poor sleep, work stress';
      const shared = { referralId: ref, service: 'individual_counselling', urgency: 'routine', contactPreference: contact, summary, sessionsAllowed: 6, contractReference: 'BENCH-EAP' };
      const sentAt = new Date(start + i * 60_000);
      rows.push([
        randomUUID(), ref, workerIds[i % workerIds.length], vendorId, v === 0 ? contract.id : null, 'individual_counselling', 'routine',
        cipher.encrypt(JSON.stringify(contact)), cipher.encrypt(summary), i % 10 === 0 ? 'completed' : 'accepted', cipher.encrypt(JSON.stringify(shared)), '0'.repeat(64),
        sentAt, ctx.counsellorUserId, sentAt, 0, ctx.counsellorUserId, sentAt, sentAt,
      ]);
    }
  }
  await ctx.sql.insert(
    'eap_referrals',
    ['id', 'vendor_ref', 'worker_id', 'vendor_id', 'contract_id', 'service', 'urgency', 'contact_preference', 'summary', 'status', 'shared_data', 'shared_sha256', 'sent_at', 'sent_by', 'accepted_at', 'sessions_used', 'created_by', 'created_at', 'updated_at'],
    rows,
  );
}

export const eapScenario: Scenario = {
  name: 'eap',
  seed,
  async routes(): Promise<RouteBench[]> {
    return [
      { name: 'GET /vendor/referrals (newest 50, vendor key)', paths: ['/api/v1/vendor/referrals?limit=50'], token: vendorKey },
      { name: 'GET /vendor/referrals/{id} (vendor key)', paths: refs.slice(0, 2000).map((ref) => `/api/v1/vendor/referrals/${ref}`), token: vendorKey },
    ];
  },
};
