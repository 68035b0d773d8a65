import { DomainError } from '../../../platform/errors/domain-error.js';
import {
  assertReferralTransition,
  canMoveReferral,
  consentFor,
  isOutcome,
  missingProviderFields,
  REFERRAL_STATES,
  REFERRAL_TRANSITIONS,
  type ReferralState,
} from './referral-state.js';

const LEGAL: Array<[ReferralState, ReferralState]> = [
  ['draft', 'sent'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['accepted', 'attended'],
  ['accepted', 'dropped_out'],
  ['attended', 'completed'],
  ['attended', 'dropped_out'],
];
const isLegal = (from: ReferralState, to: ReferralState) => LEGAL.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = REFERRAL_STATES.flatMap((from) => REFERRAL_STATES.map((to) => [from, to] as [ReferralState, ReferralState]));

describe('referral state machine', () => {
  it('has exactly the legal transitions listed', () => {
    expect(REFERRAL_STATES.flatMap((from) => REFERRAL_TRANSITIONS[from].map((to) => [from, to])).sort()).toEqual([...LEGAL].sort());
  });

  it.each(ALL_PAIRS.filter(([f, t]) => isLegal(f, t)))('allows %s → %s', (from, to) => {
    expect(canMoveReferral(from, to)).toBe(true);
    expect(() => assertReferralTransition(from, to)).not.toThrow();
  });

  it.each(ALL_PAIRS.filter(([f, t]) => !isLegal(f, t)))('refuses %s → %s with 409 naming the allowed states', (from, to) => {
    expect(canMoveReferral(from, to)).toBe(false);
    try {
      assertReferralTransition(from, to);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(409);
      expect((error as DomainError).details).toEqual({ from, to, allowed: [...REFERRAL_TRANSITIONS[from]] });
    }
  });

  it('stays open until an outcome: declined, completed or dropped out', () => {
    expect(REFERRAL_STATES.filter(isOutcome)).toEqual(['declined', 'completed', 'dropped_out']);
  });

  it('asks eap_referral consent for the vendor, counselling consent otherwise', () => {
    expect(consentFor('eap_vendor', 'acme-eap')).toEqual({ purpose: 'eap_referral', recipientId: 'acme-eap' });
    expect(consentFor('hospital', null)).toEqual({ purpose: 'counselling' });
    expect(consentFor('internal_counselling', null)).toEqual({ purpose: 'counselling' });
  });

  it('names what a provider lacks before sending', () => {
    expect(missingProviderFields({ providerType: null, vendorId: null, providerName: null })).toEqual(['providerType']);
    expect(missingProviderFields({ providerType: 'eap_vendor', vendorId: null, providerName: 'x' })).toEqual(['vendorId']);
    expect(missingProviderFields({ providerType: 'hospital', vendorId: null, providerName: null })).toEqual(['providerName']);
    expect(missingProviderFields({ providerType: 'internal_counselling', vendorId: null, providerName: null })).toEqual([]);
  });
});
