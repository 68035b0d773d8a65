import { INSTRUMENTS } from './instruments/index.js';
import { isPositiveScreen, positiveScreenSql } from './positive-screen.js';

describe('positive screens', () => {
  /** The cut-offs as the shipped instrument files state them (InstrumentLibrary.cutoffs() builds the same map). */
  const cutoffs = new Map(INSTRUMENTS.filter((d) => d.cutoff).map((d) => [d.code, d.cutoff!]));

  it('are PHQ-9 ≥ 10, PCL-5 ≥ 33 (the instrument files’ cut-offs), or any crisis result', () => {
    expect(isPositiveScreen(cutoffs, 'PHQ-9', 9, false)).toBe(false);
    expect(isPositiveScreen(cutoffs, 'PHQ-9', 10, false)).toBe(true);
    expect(isPositiveScreen(cutoffs, 'PCL-5', 32, false)).toBe(false);
    expect(isPositiveScreen(cutoffs, 'PCL-5', 33, false)).toBe(true);
    expect(isPositiveScreen(cutoffs, 'PHQ-9', 1, true)).toBe(true);
    expect(isPositiveScreen(cutoffs, 'CBI', null, false)).toBe(false); // no total, no cut-off
    expect(isPositiveScreen(cutoffs, 'WHO-5', 12, false)).toBe(true); // higher is better: at most 12
    expect(isPositiveScreen(cutoffs, 'WHO-5', 13, false)).toBe(false);
  });

  it('are written as the same rule in SQL, with codes and scores bound as parameters', () => {
    const only = new Map([...cutoffs].filter(([code]) => code === 'PHQ-9' || code === 'WHO-5'));
    expect(positiveScreenSql('r', only)).toEqual({
      sql: '(r.crisis = TRUE OR (r.instrument_code = :cut_code_0 AND r.total_score >= :cut_score_0) OR (r.instrument_code = :cut_code_1 AND r.total_score <= :cut_score_1))',
      params: { cut_code_0: 'PHQ-9', cut_score_0: 10, cut_code_1: 'WHO-5', cut_score_1: 12 },
    });
  });
});
