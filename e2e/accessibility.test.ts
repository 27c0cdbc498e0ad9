import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, joinAs, waitUntilSynced, openPanel } from './helpers/browser.ts';
import { ORGANISER_TOKEN } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let documentId: string;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Violations that axe reports and that we accept, each with the reason. Anything else of moderate, serious or critical
 * impact fails the scan.
 */
const ACCEPTED: Readonly<Record<string, string>> = {};

/**
 * Runs axe-core inside the page (WCAG 2.x A and AA rules, and best practices) and returns its moderate, serious and
 * critical violations that are not ACCEPTED; `selector` limits the scan to a part of the page (a popover: the page
 * under it was scanned already, and the targets it covers while open would read as too small).
 */
async function violations(page: Page, selector?: string): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run(context: Document | string, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(scope ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations;
  }, selector);
  return found
    .filter((violation) => violation.impact !== 'minor' && !(violation.id in ACCEPTED))
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/**
 * A browser profile for scanning: the app's Content-Security-Policy (script-src 'self') rightly refuses inline scripts,
 * so the profile bypasses it to inject axe-core.
 */
const scanContext = (locale: string) => e2e.browser.newContext({ locale, bypassCSP: true, viewport: { width: 1280, height: 860 } });

/** Presses Tab (or Shift+Tab) until the focused element matches, like a keyboard user looking for a control. */
async function tabTo(page: Page, matches: (element: Element) => boolean, { backwards = false, limit = 40 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached the control (${matches.toString()})`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName.toLowerCase(), text: element?.textContent?.trim(), label: element?.getAttribute('aria-label'), className: element?.className };
  });

const e2e = useE2eSession();

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Cooperation in criminal matters');
});

describe('automated scan (axe-core in the page): no moderate, serious or critical violations', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`join page (${language})`, async () => {
      const invite = await e2e.server.invite(documentId, 'delegate', 'Lebanon');
      const context = await scanContext(language);
      const page = await context.newPage();
      await page.goto(invite.url);
      await page.locator('form').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it(`organiser home (${language})`, async () => {
      const context = await scanContext(language);
      const page = await context.newPage();
      await e2e.server.invite(documentId, 'rapporteur', 'EUROJUST');
      await page.goto(`${e2e.server.url}/organiser#${ORGANISER_TOKEN}`);
      await page.locator('.document-panel table').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }

  it('editor with the comments sidebar open and a thread, in English and in Arabic', async () => {
    const invite = await e2e.server.invite(documentId, 'rapporteur', 'EUROPOL');
    const context = await scanContext('en');
    const page = await context.newPage();
    await page.goto(invite.url);
    await page.getByLabel('Your name').fill('Hana');
    await page.getByRole('button', { name: 'Join the document' }).click();
    await page.waitForURL(/\/documents\//);
    await waitUntilSynced(page);
    await caretToEnd(page);
    await page.keyboard.type('States shall designate a central authority.');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.getByRole('button', { name: 'Comment on selection' }).click();
    await page.getByLabel('Your comment').fill('Which authority?');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.locator('.thread--active').waitFor();
    await waitUntilSynced(page);
    expect(await violations(page)).toEqual([]);

    await page.locator('.app-header .language-switcher select').selectOption('ar');
    await page.getByRole('heading', { name: 'التعليقات' }).waitFor();
    expect(await violations(page)).toEqual([]);
    for (const panel of ['proposals', 'alternatives', 'compilation', 'status', 'participants'] as const) {
      await openPanel(page, panel);
      expect({ panel, found: await violations(page, `#panel-${panel}`) }).toEqual({ panel, found: [] });
    }

    // What the header opens: the export panel and the history dialog.
    await page.getByRole('button', { name: /تصدير/ }).click();
    await page.locator('.export__panel').waitFor();
    expect(await violations(page, '.export__panel')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'السجلّ' }).click();
    await page.locator('dialog[open]').waitFor();
    await page.getByRole('button', { name: 'حفظ الإصدار' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  let rapporteur: Participant;

  beforeAll(async () => {
    const invite = await e2e.server.invite(documentId, 'rapporteur', 'EUROJUST');
    rapporteur = await joinAs(e2e.browser, invite.url, 'Karim');
  });

  afterAll(async () => {
    await rapporteur?.context.close();
  });

  it('a rapporteur adds a comment and resolves it without the mouse', async () => {
    const { page } = rapporteur;
    // From the top of the page: the skip link comes first and puts the caret in the text.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Skip to the document' });
    await page.keyboard.press('Enter');
    await waitFor(() => page.evaluate(() => document.activeElement?.classList.contains('document')), { message: 'focus in the text' });

    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Requests shall be answered within thirty days.');
    await page.keyboard.press('Shift+Home');
    await tabTo(page, (element) => element.textContent === 'Comment on selection');
    await page.keyboard.press('Enter');
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'new-thread-body'), { message: 'the comment field focused' });
    await page.keyboard.type('Thirty days is too short for complex requests.');
    await tabTo(page, (element) => element.textContent === 'Post');
    await page.keyboard.press('Enter');

    // The new thread takes the focus; its resolve field is a few Tabs away.
    const thread = page.locator('.thread--active', { hasText: 'Thirty days is too short' });
    await thread.waitFor();
    await waitFor(() => page.evaluate(() => document.activeElement?.classList.contains('thread__anchor')), { message: 'focus on the new thread' });
    await tabTo(page, (element) => element.id.startsWith('outcome-'));
    await page.keyboard.type('Accepted: forty-five days');
    await page.keyboard.press('Enter');
    await thread.locator('.thread__status').waitFor();
    await expect(thread.locator('.thread__outcome').textContent()).resolves.toBe('Resolved by Karim: Accepted: forty-five days');
  });

  it('Escape closes what it opened and gives the focus back', async () => {
    const { page } = rapporteur;
    await page.locator('.app-header').getByRole('button', { name: /Export/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.export__panel').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.export__panel').waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: expect.stringContaining('Export') as unknown });

    await tabTo(page, (element) => element.textContent === 'History', { backwards: true });
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toMatchObject({ text: 'History' });

    // A new comment abandoned with Escape returns to the text.
    await page.locator('.document').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+ArrowLeft');
    await tabTo(page, (element) => element.textContent === 'Comment on selection');
    await page.keyboard.press('Enter');
    await page.locator('#new-thread-body').waitFor();
    await page.keyboard.press('Escape');
    await waitFor(() => page.evaluate(() => document.activeElement?.classList.contains('document')), { message: 'focus back in the text' });
  });

  it('says politely who joined and left, and hides carets on request', async () => {
    const { page } = rapporteur;
    const log = page.getByTestId('live-announcements');
    await expect(log.getAttribute('aria-live')).resolves.toBe('polite');
    const invite = await e2e.server.invite(documentId, 'delegate', 'Jordan');
    const guest = await joinAs(e2e.browser, invite.url, 'Amal');
    await waitFor(async () => (await log.textContent())?.includes('Amal (Jordan) joined the document.'), { message: 'the join announced' });
    await caretToEnd(guest.page);
    await guest.page.keyboard.type(' ');
    await page.locator('.collaboration-carets__caret').first().waitFor();
    await openPanel(page, 'participants');
    await page.getByLabel('Show other people’s cursors').focus();
    await page.keyboard.press('Space');
    await waitFor(() => page.locator('.collaboration-carets__caret').first().isHidden(), { message: 'carets hidden' });
    await guest.context.close();
    await waitFor(async () => (await log.textContent())?.includes('Amal (Jordan) left the document.'), { message: 'the departure announced' });
  });

  it('reaches the formatting toolbar in one Tab stop and moves in it with the arrow keys, mirrored in Arabic', async () => {
    const { page } = rapporteur;
    /** The focused control's place among the toolbar's enabled controls, and how many there are; -1 outside. */
    const place = () =>
      page.evaluate(() => {
        const controls = [...document.querySelectorAll('.toolbar button:not(:disabled), .toolbar select')];
        return { index: controls.indexOf(document.activeElement!), count: controls.length };
      });

    await page.locator('.app-header .language-switcher select').focus();
    await tabTo(page, (element) => element.closest('[role="toolbar"]') !== null);
    await expect(focused(page)).resolves.toMatchObject({ tag: 'select', label: 'Block type' });
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toMatchObject({ label: 'Bold' });
    await page.keyboard.press('End');
    const { count } = await place();
    await expect(place()).resolves.toEqual({ index: count - 1, count });
    await page.keyboard.press('ArrowRight');
    await expect(place()).resolves.toEqual({ index: 0, count });
    await page.keyboard.press('ArrowLeft');
    await expect(place()).resolves.toEqual({ index: count - 1, count });
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');

    // One Tab stop: Tab leaves the toolbar, Shift+Tab comes back to the control last focused in it.
    await page.keyboard.press('Tab');
    await expect(place()).resolves.toMatchObject({ index: -1 });
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ label: 'Italic' });

    await page.locator('.app-header .language-switcher select').selectOption('ar');
    await page.getByRole('toolbar', { name: 'التنسيق' }).waitFor();
    await page.getByRole('toolbar', { name: 'التنسيق' }).locator('select').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(place()).resolves.toMatchObject({ index: 1 });
    await page.keyboard.press('ArrowRight');
    await expect(place()).resolves.toMatchObject({ index: 0 });
    await page.locator('.app-header .language-switcher select').selectOption('en');
  });

  it('reaches Edit, Suggest and Bracket in one Tab stop, moves between them with the arrow keys, and switches with Space', async () => {
    const { page } = rapporteur;
    const tools = page.getByRole('toolbar', { name: 'Negotiation tools' });
    const inTools = (element: Element) => element.closest('.suggest-controls') !== null;
    const suggest = tools.getByRole('radio', { name: 'Suggest' });
    // Something selected, so that Bracket is enabled.
    await page.locator('.document').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+ArrowLeft');
    // The arrow keys skip a disabled Bracket: wait for the editor to have shown the selection.
    await waitFor(() => tools.getByRole('button', { name: 'Bracket' }).isEnabled(), { message: 'Bracket enabled by the selection' });

    await page.getByRole('toolbar', { name: 'Formatting' }).locator('select').focus();
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Edit' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`(${inTools.toString()})(document.activeElement)`)).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Edit' });
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Suggest' });
    await expect(suggest.getAttribute('aria-checked')).resolves.toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Bracket' });
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Edit' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await waitFor(async () => (await suggest.getAttribute('aria-checked')) === 'true', { message: 'Suggest checked' });
    // The switch gives the text the focus back; the toolbar keeps "Suggest" as its Tab stop.
    await waitFor(() => page.evaluate(() => document.activeElement?.classList.contains('document')), { message: 'focus back in the text' });
    await tabTo(page, inTools, { backwards: true });
    await expect(focused(page)).resolves.toMatchObject({ text: 'Suggest' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await suggest.getAttribute('aria-checked')) === 'false', { message: 'Edit checked again' });
  });
});
