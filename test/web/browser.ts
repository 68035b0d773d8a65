import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from '../support/test-app.js';

/** Debian's Chromium (`apt-get install chromium`, done by .ci/run); no browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How every test browser context looks to the app. */
export const CONTEXT_OPTIONS = {
  locale: 'zh-CN',
  // The app turns antd's motion off for people who ask for less motion; it also keeps axe from measuring colours
  // halfway through a transition.
  reducedMotion: 'reduce',
  timezoneId: 'Asia/Shanghai',
} as const;

function requireChromiumAndWebBuild(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(join(process.cwd(), 'web', 'dist', 'index.html'))) throw new Error('No web build in web/dist: run npm run build');
}

/**
 * One headless Chromium for a file where many people are signed in at once, each in their own context
 * (`browser.newContext(CONTEXT_OPTIONS)`: own storage, cookies and connection pool), as different office PCs are.
 */
export async function launchChromium(): Promise<Browser> {
  requireChromiumAndWebBuild();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** The little of the DOM these helpers touch (the test project compiles without the DOM library). */
interface BrowserElement {
  tagName: string;
  innerText?: string;
  getAttribute(name: string): string | null;
}
interface BrowserDocument {
  activeElement: BrowserElement | null;
  querySelectorAll(selector: string): { length: number };
}
/** Written out inside each page.evaluate callback: those run in the page (where `document` exists), not here. */
type InPage = { document: BrowserDocument };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * One headless Chromium with a fresh profile for a test file. Each signed-in person gets their own page (tab): the
 * app keeps its session in sessionStorage, which is per tab. Console errors and page errors (a CSP refusal among
 * them) are collected per page so a test can assert there were none.
 */
export class WebBrowser {
  private readonly errors = new Map<Page, string[]>();

  private constructor(
    private readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async launch(): Promise<WebBrowser> {
    requireChromiumAndWebBuild();
    const profile = mkdtempSync(join(tmpdir(), 'xingang-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, ...CONTEXT_OPTIONS });
    return new WebBrowser(context, profile);
  }

  private readonly opened: Page[] = [];

  async page(viewport: { width: number; height: number }): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    this.errors.set(page, errors);
    this.opened.push(page);
    return page;
  }

  /**
   * Closes the pages opened so far. Each signed-in tab holds a push stream, and over HTTP/1.1 (the test server) the
   * browser allows six connections per host: a file that opens many pages closes them after each test, as a user
   * closes tabs they are done with (production serves HTTP/2, see docs/operations.md).
   */
  async closePages(): Promise<void> {
    for (const page of this.opened.splice(0)) await page.close();
  }

  /** Console and page errors seen so far on a page (failed API calls the page handled are not errors here). */
  errorsOf(page: Page): string[] {
    return (this.errors.get(page) ?? []).filter(
      (text) => !/Failed to load resource: the server responded with a status of (4\d\d)/.test(text),
    );
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Signs in through the login form. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until nothing is loading (spinners gone) and the page has its h1. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () => (globalThis as unknown as InPage).document.querySelectorAll('.ant-spin-spinning').length === 0,
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the app's CSP stays as it is) and answers
 * the serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: BrowserDocument, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as InPage).document, { resultTypes: ['violations'] });
    return result.violations as Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[]; failureSummary?: string }>;
    }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    }));
}

/** A full-page screenshot in test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until the focused element matches, as a keyboard-only person would (at most `limit` presses). */
export async function tabTo(
  page: Page,
  matches: (element: {
    tag: string;
    role: string | null;
    text: string;
    type: string | null;
    name: string | null;
  }) => boolean,
  limit = 25,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = (globalThis as unknown as InPage).document.activeElement;
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        role: element?.getAttribute('role') ?? null,
        text: (element?.innerText || element?.getAttribute('aria-label') || '').replace(/\s+/g, ''),
        type: element?.getAttribute('type') ?? null,
        name: element?.getAttribute('name') ?? null,
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('tabTo: no focusable element matched');
}
