import { DAY, HOUR } from '../../../platform/clock/clock.js';
import { coverageRates, rescreenRounds } from './incident-rules.js';

const OCCURRED = new Date('2026-11-25T02:00:00.000Z');
const at = (ms: number) => new Date(OCCURRED.getTime() + ms);
const WINDOW = 14 * DAY;

describe('re-screening rounds after an incident', () => {
  it('opens about a week and a month after it, each for the window', () => {
    expect(rescreenRounds(OCCURRED, at(HOUR), [7, 30], WINDOW)).toEqual([
      { round: 1, offsetDays: 7, opensAt: at(7 * DAY), closesAt: at(21 * DAY) },
      { round: 2, offsetDays: 30, opensAt: at(30 * DAY), closesAt: at(44 * DAY) },
    ]);
  });

  it('opens an overdue round now when the incident is recorded late', () => {
    expect(rescreenRounds(OCCURRED, at(10 * DAY), [7, 30], WINDOW)).toEqual([
      { round: 1, offsetDays: 7, opensAt: at(10 * DAY), closesAt: at(24 * DAY) },
      { round: 2, offsetDays: 30, opensAt: at(30 * DAY), closesAt: at(44 * DAY) },
    ]);
  });

  it('keeps only the latest of several overdue rounds', () => {
    expect(rescreenRounds(OCCURRED, at(40 * DAY), [7, 30], WINDOW)).toEqual([{ round: 1, offsetDays: 30, opensAt: at(40 * DAY), closesAt: at(54 * DAY) }]);
  });
});

describe('coverage rates', () => {
  it('reports reached and screened of the affected, positive of the screened, referred of the positive', () => {
    expect(coverageRates({ affected: 8, reached: 6, screened: 4, positive: 3, referred: 2, positiveNotReferred: 1 })).toEqual({
      reachedPct: 75,
      screenedPct: 50,
      positivePct: 75,
      positiveReferredPct: 66.7,
    });
  });

  it('has no rate where there is nothing to divide', () => {
    expect(coverageRates({ affected: 0, reached: 0, screened: 0, positive: 0, referred: 0, positiveNotReferred: 0 })).toEqual({
      reachedPct: null,
      screenedPct: null,
      positivePct: null,
      positiveReferredPct: null,
    });
  });
});
