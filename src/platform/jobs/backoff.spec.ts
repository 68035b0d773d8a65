import { backoffMs } from './job-runner.service.js';

describe('job retry backoff', () => {
  it('doubles per attempt with jitter between half and the full ceiling', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 0)).toBe(4000);
    expect(backoffMs(4, () => 1)).toBe(8000);
  });

  it('caps at one hour', () => {
    expect(backoffMs(40, () => 1)).toBe(3_600_000);
  });
});
