import type { InstrumentDefinition } from './instrument.types.js';
import type { InstrumentProblem } from './validate-instrument.js';

/**
 * Instruments known to be sold under licence (the union must hold one), whatever their file declares: SCL-90(-R)
 * (Derogatis / Pearson), BDI-II, MMPI, and electronic C-SSRS (electronic implementations are licensed exclusively).
 */
const PROPRIETARY = /^(SCL-?90(-R)?|BDI(-II)?|MMPI(-2)?|C-SSRS)$|symptom check-?list-?90|beck depression|minnesota multiphasic|columbia.*suicide/i;

export const isKnownProprietary = (def: Pick<InstrumentDefinition, 'code' | 'name'>): boolean =>
  PROPRIETARY.test(def.code) || PROPRIETARY.test(def.name?.en ?? '');

/**
 * What stands between a file and publication for workers: a licensed instrument (declared `licence_required`, or a
 * known proprietary one) needs the union's licence recorded (`licence.agreement`: licensee and reference, not
 * expired), and an instrument whose holder does not allow electronic display needs an agreement that does.
 */
export function licenceProblems(def: InstrumentDefinition, today: string): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const agreement = def.licence.agreement;
  const needsAgreement = def.licence.permission === 'licence_required' || isKnownProprietary(def) || !def.licence.electronicDisplay;
  if (needsAgreement && !agreement) {
    const why = isKnownProprietary(def) ? `${def.code} is sold under licence` : !def.licence.electronicDisplay ? 'its holder does not allow electronic display' : 'it is licensed';
    problems.push({ path: '/licence/agreement', message: `${def.code} licence: ${why}; record the union's licence (licence.agreement: licensee, reference) before publishing` });
  }
  if (agreement?.validUntil && agreement.validUntil < today) {
    problems.push({ path: '/licence/agreement/validUntil', message: `${def.code} licence: the union's licence ran out on ${agreement.validUntil}` });
  }
  return problems;
}
