import type { Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  type WebBrowser,
  screenshot,
  seriousViolations,
  settled,
  signIn,
  type AxeViolation,
} from './browser.js';

/** One page in a tour: who opens it, where, and text it shows once loaded. */
export interface TourStop {
  name: string;
  who: string;
  path: string;
  shows: string;
}

export interface TourProblem {
  page: string;
  violations?: AxeViolation[];
  errors?: string[];
  slow?: number;
}

const PAGE_BUDGET_MS = 10_000;

/**
 * Opens each page at phone (375 px) and desktop (1280 px) width, signed in as its person: a screenshot of each
 * (test-output/screenshots/<name>-<width>.png), no serious or critical axe-core violation, no console error, ready
 * within the budget. Answers the problems found (expect them to equal []).
 */
export async function tour(
  browser: WebBrowser,
  baseUrl: string,
  accounts: Record<string, [string, string]>,
  stops: TourStop[],
  now?: Date,
): Promise<TourProblem[]> {
  const problems: TourProblem[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    for (const who of [...new Set(stops.map((s) => s.who))]) {
      const page: Page = await browser.page(viewport);
      if (now) await page.clock.setFixedTime(now);
      await signIn(page, baseUrl, ...accounts[who]);
      for (const stop of stops.filter((s) => s.who === who)) {
        const started = Date.now();
        await page.goto(`${baseUrl}${stop.path}`);
        await settled(page);
        await page.getByText(stop.shows).first().waitFor();
        const took = Date.now() - started;
        if (took > PAGE_BUDGET_MS) problems.push({ page: stop.name, slow: took });
        await screenshot(page, `${stop.name}-${viewport.width}`);
        const violations = await seriousViolations(page);
        if (violations.length) problems.push({ page: `${stop.name}-${viewport.width}`, violations });
      }
      const errors = browser.errorsOf(page);
      if (errors.length) problems.push({ page: `${who} pages at ${viewport.width}`, errors });
      await page.close();
    }
  }
  return problems;
}
