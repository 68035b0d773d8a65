import { queueRank } from './queue-rank.js';

describe('queueRank', () => {
  it('puts unacknowledged cases first by urgency, then everything else', () => {
    expect(queueRank('open', 'imminent')).toBe(0);
    expect(queueRank('open', 'urgent')).toBe(1);
    expect(queueRank('open', 'concern')).toBe(2);
    for (const state of ['acknowledged', 'in_progress', 'referred', 'monitoring', 'closed'] as const) {
      expect(queueRank(state, 'imminent')).toBe(3);
    }
  });
});
