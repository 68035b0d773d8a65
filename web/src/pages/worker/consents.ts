import type { Schemas } from '../../api/types';

export type Purpose = Schemas['RecordConsentDto']['purpose'];

/** Whether the worker's standing consent for a purpose is given (no recipient: the union's own services). */
export function hasConsent(consents: Schemas['ConsentsDto'] | undefined, purpose: Purpose): boolean {
  return (consents?.current ?? []).some((c) => c.purpose === purpose && !c.recipientId && c.granted);
}

export function consentSince(consents: Schemas['ConsentsDto'] | undefined, purpose: Purpose): string | null {
  return (consents?.current ?? []).find((c) => c.purpose === purpose && !c.recipientId)?.since ?? null;
}
