import { levelForAssessment, levelFromCounselling } from './case-sources.js';

describe('levels of cases opened by events', () => {
  it('makes a positive PHQ-9 suicide item urgent, other crisis rules concern', () => {
    expect(levelForAssessment('PHQ-9', ['item_9_above_0'])).toBe('urgent');
    expect(levelForAssessment('PHQ-9', ['total_at_least_20', 'item_9_above_0'])).toBe('urgent');
    expect(levelForAssessment('PHQ-9', ['total_at_least_20'])).toBe('concern');
    expect(levelForAssessment('GAD-7', ['total_at_least_15'])).toBe('concern');
    expect(levelForAssessment('PCL-5', ['total_at_least_33'])).toBe('concern');
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
