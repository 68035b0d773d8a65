import { TestApp, bearer } from '../support/test-app.js';
import { consent, submitOwn } from './support.js';

describe('crisis rules are configurable per instrument (ASSESSMENT_CRISIS_RULES)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ ASSESSMENT_CRISIS_RULES: JSON.stringify({ 'PHQ-9': [{ kind: 'item_above', item: 9, above: 1 }], K10: [] }) });
  });
  afterAll(() => t.close());

  it('applies the configured rules instead of the defaults, and keeps the defaults of the others', async () => {
    const w = await t.world();
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, worker);
    expect((await submitOwn(t, worker, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]).expect(201)).body.crisis).toBe(false);
    expect((await submitOwn(t, worker, 'PHQ-9', [3, 3, 3, 3, 3, 3, 3, 0, 0]).expect(201)).body.crisis).toBe(false); // 21: the total rule was replaced
    expect((await submitOwn(t, worker, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 2]).expect(201)).body.crisis).toBe(true);
    expect((await submitOwn(t, worker, 'K10', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]).expect(201)).body.crisis).toBe(false);
    expect((await submitOwn(t, worker, 'GAD-7', [3, 3, 3, 3, 3, 0, 0]).expect(201)).body.crisis).toBe(true);
    const phq9 = await t.http().get('/api/v1/instruments/PHQ-9').set(...bearer(worker)).expect(200);
    expect(phq9.body.crisisRules).toEqual([{ kind: 'item_above', item: 9, above: 1, level: 'urgent', code: 'item_9_above_1' }]);
  });

  it('refuses to start with rules that do not fit the instrument, naming them', async () => {
    await expect(TestApp.start({ ASSESSMENT_CRISIS_RULES: JSON.stringify({ 'PHQ-9': [{ kind: 'item_above', item: 10, above: 0 }], 'SCL-90': [] }) })).rejects.toThrow(
      /PHQ-9 crisis rule 1: item 10 does not exist[\s\S]*unknown instrument: SCL-90/,
    );
  });
});
