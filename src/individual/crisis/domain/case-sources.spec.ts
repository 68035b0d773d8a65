import { levelForAssessment, levelFromCounselling } from './case-sources.js';

describe('levels of cases opened by events', () => {
  it("takes the level the instrument's crisis rules chose, carried by the event", () => {
    expect(levelForAssessment({ level: 'imminent' })).toBe('imminent');
    expect(levelForAssessment({ level: 'urgent' })).toBe('urgent');
    expect(levelForAssessment({ level: 'concern' })).toBe('concern');
  });

  it('makes an event without a (known) level urgent: never less than a same-day assessment', () => {
    expect(levelForAssessment({})).toBe('urgent');
    expect(levelForAssessment({ level: 'later' as never })).toBe('urgent');
  });

  it('maps the counselling module\'s levels and passes ours through; anything else is urgent', () => {
    expect(levelFromCounselling('imminent')).toBe('imminent');
    expect(levelFromCounselling('high')).toBe('urgent');
    expect(levelFromCounselling('moderate')).toBe('concern');
    expect(levelFromCounselling('urgent')).toBe('urgent');
    expect(levelFromCounselling('concern')).toBe('concern');
    expect(levelFromCounselling('severe')).toBe('urgent');
    expect(levelFromCounselling(undefined)).toBe('urgent');
  });
});
