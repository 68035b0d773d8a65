import { consent, submitOwn } from '../population/support.js';
import { TestApp } from '../support/test-app.js';
import { casesForSource, onDuty } from './support.js';

/**
 * #16 item 6: the level of a case opened by an assessment follows the instrument's crisis rules, graded by answer
 * (PHQ-9 item 9: "nearly every day" imminent, "several days" / "more than half the days" urgent; a severe total
 * concern), and the `assessment.crisis` event says why in words, so 点 never reads the instrument itself.
 */
describe('crisis level graded by answer (PHQ-9 item 9) through the instrument file', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.world();
    await onDuty(t, w.supervisor, w.enterpriseA, w.counsellorA);
  });
  afterAll(() => t.close());

  /** One worker per submission: a second crisis result of the same worker joins their open case. */
  async function caseFor(answers: number[]) {
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    await consent(t, worker);
    const result = await submitOwn(t, worker, 'PHQ-9', answers).expect(201);
    await t.runJobs();
    await t.runJobs();
    const [opened] = await casesForSource(t, result.body.id);
    const [job] = await t.sql<{ payload: string | Record<string, unknown> }>('SELECT payload FROM jobs WHERE dedupe_key = $1', [
      `event:assessment.crisis>individual.open-case:${result.body.id}`,
    ]);
    const payload = job ? ((typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload) as Record<string, unknown>) : null;
    return { level: opened?.level, payload };
  }

  it.each([
    [1, 'urgent'],
    [2, 'urgent'],
    [3, 'imminent'],
  ])('item 9 answered %d opens an %s case', async (answer, level) => {
    expect((await caseFor([0, 0, 0, 0, 0, 0, 0, 0, answer])).level).toBe(level);
  });

  it('a severe total without item 9 opens a concern case', async () => {
    expect((await caseFor([3, 3, 3, 3, 3, 3, 2, 0, 0])).level).toBe('concern');
  });

  it('the most urgent rule wins, and the event carries the triggers in words with the instrument, total and band', async () => {
    const { level, payload } = await caseFor([3, 3, 3, 3, 3, 3, 2, 0, 3]);
    expect(level).toBe('imminent');
    expect(payload).toMatchObject({
      instrumentCode: 'PHQ-9',
      instrumentVersion: '1.0.0',
      instrumentName: { zh: '患者健康问卷-9（PHQ-9）' },
      level: 'imminent',
      total: 23,
      band: 'severe',
      bandLabel: { zh: '重度抑郁症状', en: 'Severe depression' },
      reasons: ['item_9_above_0', 'total_at_least_20'],
      triggers: [
        { rule: 'item_9_above_0', level: 'imminent', itemId: '9', itemText: { zh: '有不如死掉或用某种方式伤害自己的念头' }, answerValue: 3, answerLabel: { zh: '几乎每天', en: 'Nearly every day' } },
        { rule: 'total_at_least_20', level: 'concern' },
      ],
    });
  });
});
