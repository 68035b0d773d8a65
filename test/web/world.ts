import type { Page } from 'playwright-core';
import { TestApp, bearer, type TestUser } from '../support/test-app.js';
import { WebBrowser, seriousViolations } from './browser.js';

export type World = Awaited<ReturnType<TestApp['world']>>;

/**
 * What a browser test file starts from: the built app on a fresh database, the small world of test-app.ts (a city
 * with two enterprises and a user of each role) and one Chromium. Each file adds the records its tests read.
 */
export class WebWorld {
  private constructor(
    readonly app: TestApp,
    readonly world: World,
    readonly browser: WebBrowser,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<WebWorld> {
    const app = await TestApp.start(env);
    const world = await app.world();
    return new WebWorld(app, world, await WebBrowser.launch());
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.app.close();
  }

  /** A browser tab whose clock is the app's (the test clock), so deadlines and "not in the future" line up. */
  async tab(viewport: { width: number; height: number }): Promise<Page> {
    const page = await this.browser.page(viewport);
    await page.clock.setFixedTime(await this.app.advanceClock(0));
    return page;
  }

  /** No console or page errors, and no serious or critical axe violation, on the page as it is now. */
  async noErrors(page: Page): Promise<void> {
    expect(this.browser.errorsOf(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  }

  /** A worker's name as the pages show it (the factories make unique ones). */
  async workerName(worker: TestUser | string): Promise<string> {
    const id = typeof worker === 'string' ? worker : worker.workerId;
    return (await this.app.http().get(`/api/v1/workers/${id}`).set(...bearer(this.world.admin)).expect(200)).body.name as string;
  }

  async unitName(id: string): Promise<string> {
    const units = (await this.app.http().get('/api/v1/org-units').set(...bearer(this.world.admin)).expect(200)).body as Array<{ id: string; name: string }>;
    return units.find((u) => u.id === id)!.name;
  }
}
