import { CBI } from '../instruments/cbi.js';
import { GAD_7 } from '../instruments/gad-7.js';
import { K10 } from '../instruments/k10.js';
import { PHQ_9 } from '../instruments/phq-9.js';
import { WHO_5 } from '../instruments/who-5.js';
import { changeBetween, withChanges } from './reliable-change.js';

const total = (totalScore: number) => ({ totalScore, percentScore: null });
const who = (raw: number) => ({ totalScore: raw, percentScore: raw * 4 });

describe('reliable change', () => {
  it('PHQ-9: 5 points is reliable, 4 is not (Kroenke 2001; Löwe 2004); lower is better', () => {
    expect(changeBetween(PHQ_9, total(15), total(10))).toEqual({ change: -5, reliable: true, direction: 'improved' });
    expect(changeBetween(PHQ_9, total(15), total(11))).toEqual({ change: -4, reliable: false, direction: 'improved' });
    expect(changeBetween(PHQ_9, total(10), total(15))).toEqual({ change: 5, reliable: true, direction: 'worsened' });
    expect(changeBetween(PHQ_9, total(10), total(14))).toEqual({ change: 4, reliable: false, direction: 'worsened' });
  });

  it('GAD-7: 4 points is reliable, 3 is not (NHS Talking Therapies criterion)', () => {
    expect(changeBetween(GAD_7, total(12), total(8))).toEqual({ change: -4, reliable: true, direction: 'improved' });
    expect(changeBetween(GAD_7, total(12), total(9))).toEqual({ change: -3, reliable: false, direction: 'improved' });
    expect(changeBetween(GAD_7, total(8), total(12)).reliable).toBe(true);
  });

  it('WHO-5: 10 percentage points is reliable (Topp 2015); higher is better, so a rise is an improvement', () => {
    // raw 10 → 13 is 40 % → 52 %: 12 points
    expect(changeBetween(WHO_5, who(10), who(13))).toEqual({ change: 12, reliable: true, direction: 'improved' });
    // raw 10 → 12 is 8 points: not reliable
    expect(changeBetween(WHO_5, who(10), who(12))).toEqual({ change: 8, reliable: false, direction: 'improved' });
    expect(changeBetween(WHO_5, who(15), who(12))).toEqual({ change: -12, reliable: true, direction: 'worsened' });
  });

  it('the first result has no change', () => {
    expect(changeBetween(PHQ_9, null, total(10))).toEqual({ change: null, reliable: null, direction: null });
  });

  it('an instrument without a threshold reports the change but no reliability (K10)', () => {
    expect(changeBetween(K10, total(20), total(30))).toEqual({ change: 10, reliable: null, direction: 'worsened' });
    expect(changeBetween(K10, total(20), total(20))).toEqual({ change: 0, reliable: null, direction: 'no_change' });
  });

  it('CBI has no total: no change is computed', () => {
    expect(changeBetween(CBI, { totalScore: null, percentScore: null }, { totalScore: null, percentScore: null })).toEqual({
      change: null,
      reliable: null,
      direction: null,
    });
  });

  it('annotates a series, oldest first, against the previous result each time', () => {
    const series = withChanges(PHQ_9, [total(20), total(14), total(13), total(19)]);
    expect(series.map((r) => [r.change, r.reliable, r.direction])).toEqual([
      [null, null, null],
      [-6, true, 'improved'],
      [-1, false, 'improved'],
      [6, true, 'worsened'],
    ]);
  });
});
