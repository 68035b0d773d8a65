import { parseInboundEvent } from './inbound-event.js';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('inbound vendor events', () => {
  it('reads the Standard Webhooks payload shape', () => {
    expect(parseInboundEvent(body({ type: 'referral.session_attended', timestamp: '2026-11-25T02:00:00Z', data: { referralId: 'ref_x', sessionNumber: 2, occurredAt: '2026-11-24T10:00:00+08:00' } }))).toEqual({
      type: 'referral.session_attended',
      outcome: 'session_attended',
      referralId: 'ref_x',
      sessionNumber: 2,
      occurredAt: '2026-11-24T10:00:00+08:00',
      note: null,
    });
    expect(parseInboundEvent(body({ type: 'referral.accepted', data: { referralId: 'ref_x', note: '已联系 / contacted' } }))).toMatchObject({ outcome: 'accepted', note: '已联系 / contacted' });
  });

  it.each([
    ['not JSON', Buffer.from('{nope')],
    ['an array', body([1])],
    ['no data', body({ type: 'referral.accepted' })],
    ['an unknown type', body({ type: 'referral.created', data: { referralId: 'ref_x' } })],
    ['a type without prefix', body({ type: 'accepted', data: { referralId: 'ref_x' } })],
    ['no referral id', body({ type: 'referral.accepted', data: {} })],
    ['a fractional session', body({ type: 'referral.session_attended', data: { referralId: 'ref_x', sessionNumber: 1.5 } })],
    ['a session number as text', body({ type: 'referral.session_attended', data: { referralId: 'ref_x', sessionNumber: '2' } })],
    ['a bad time', body({ type: 'referral.completed', data: { referralId: 'ref_x', occurredAt: 'yesterday' } })],
    ['a long note', body({ type: 'referral.completed', data: { referralId: 'ref_x', note: 'x'.repeat(1001) } })],
  ])('refuses %s with a reason', (_name, raw) => {
    expect(typeof parseInboundEvent(raw)).toBe('string');
  });
});
