import { readFileSync } from 'node:fs';
import { TestApp, bearer } from '../support/test-app.js';
import { insertResult } from '../insights/reports-support.js';
import { DESKTOP, WebBrowser, screenshot, seriousViolations, signIn } from './browser.js';

/**
 * The official's dashboard on real figures (issue #14, item 3), in Chromium: a city whose two enterprises screened
 * most of their workers this year and a small unit of 4: the dashboard opens on figures by unit, the small unit's
 * cells say why they are hidden (the API's reason, in Chinese), bands run in severity order, and the CSV export has
 * exactly the headers the page shows.
 */
describe('web: the official dashboard on real figures', () => {
  let app: TestApp;
  let browser: WebBrowser;
  let world: Awaited<ReturnType<TestApp['world']>>;
  let smallName = '';
  let enterpriseAName = '';

  beforeAll(async () => {
    app = await TestApp.start();
    world = await app.world();
    const small = await app.createUnit(world.admin.token, world.city);
    const screen = async (unit: string, bands: Array<[string, number]>) => {
      for (const [band, count] of bands) {
        for (let i = 0; i < count; i++) {
          const id = await app.createWorker(world.admin.token, unit, { gender: i % 2 ? 'male' : 'female', birthYear: 1980 + (i % 20) });
          await insertResult(app, id, unit, band, `2026-0${1 + (i % 9)}-12 09:00:00.000`);
        }
      }
    };
    await screen(world.enterpriseA, [['minimal', 24], ['mild', 14], ['moderate', 6], ['severe', 2]]);
    await screen(world.enterpriseB, [['minimal', 18], ['mild', 11], ['moderately_severe', 3]]);
    await screen(small, [['moderate', 2], ['severe', 2]]);
    const units = (await app.http().get('/api/v1/org-units').set(...bearer(world.admin)).expect(200)).body as Array<{ id: string; name: string }>;
    smallName = units.find((u) => u.id === small)!.name;
    enterpriseAName = units.find((u) => u.id === world.enterpriseA)!.name;
    browser = await WebBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on figures, says why a cell is hidden, orders bands by severity and exports the page’s headers', async () => {
    const page = await browser.page(DESKTOP);
    await signIn(page, app.url, world.official.username);
    expect(new URL(page.url()).pathname).toBe('/official/dashboard');
    const table = page.getByRole('table').last();
    // The enterprise's row carries published (perturbed) numbers, not only 已隐藏.
    const rowA = page.getByRole('row').filter({ hasText: enterpriseAName }).first();
    await rowA.waitFor();
    const cellsA = await rowA.getByRole('cell').allInnerTexts();
    expect(cellsA.filter((text) => /^\d+$/.test(text.trim())).length).toBeGreaterThanOrEqual(3);
    // The small unit's cells are hidden, and each says why, in the API's terms (fewer than k), Chinese first.
    const rowSmall = page.getByRole('row').filter({ hasText: smallName }).first();
    await rowSmall.getByLabel(/^已隐藏：人数少于 10 人/).first().waitFor();
    await page.getByTestId('withheld-reasons').getByText(/已隐藏 = 人数少于 10 人/).waitFor();
    expect(await page.getByText('没有数据').count()).toBe(0);

    // Bands left to right from least to most severe, as the instrument file orders them.
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    const instruments = (await app.http().get('/api/v1/report-instruments').set(...bearer(world.official)).expect(200)).body as Array<{ code: string; bands: Array<{ code: string; label: { zh: string } }> }>;
    const bands = instruments.find((i) => i.code === 'PHQ-9')!.bands.map((b) => headers.indexOf(b.label.zh));
    expect(bands.every((index) => index > 0)).toBe(true);
    expect([...bands].sort((a, b) => a - b)).toEqual(bands);
    await screenshot(page, 'official-dashboard-real-figures-1280');
    expect(browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // The CSV has the page's headers, in the page's order, and the rows the page shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0].split(',')).toEqual(headers);
    expect(csv.some((line) => line.startsWith(`${enterpriseAName},`))).toBe(true);
    expect(csv.find((line) => line.startsWith(`${smallName},`))).toContain('<k');

    // Shares of the row: computed from the published counts, hidden cells stay hidden.
    await page.getByText('占比', { exact: true }).click();
    await rowA.getByText(/^\d+(\.\d)?%$/).first().waitFor();
  });
});
