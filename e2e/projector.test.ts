import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, addRecommendations, documentText, joinAs, openPanel, selectWords, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

const e2e = useE2eSession();

/** "Following Lina Haddad (Secretariat)", whose name and delegation are wrapped in Unicode isolates. */
const FOLLOWING_LINA = /Following \u2068Lina Haddad\u2069 \(\u2068Secretariat\u2069\)/;

/** Long enough that a dozen of them do not fit on one screen, even a projector's. */
const recommendationText = (n: number) =>
  `Item ${n}: States should strengthen cooperation between border authorities, prosecutors and victim support services, sharing information promptly and in a form the others can use.`;
const RECOMMENDATIONS = Array.from({ length: 14 }, (_, i) => recommendationText(i + 1));

let documentId: string;
let rapporteur: Participant;
let screen: Page;

/** An invite link that opens the room screen instead of the editor. */
const projectorLink = (inviteUrl: string) => inviteUrl.replace('/join#', '/join?view=projector#');

/** Whether `selector` (the first match) is entirely inside the page's window. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

/** The label the highlighted recommendation has on the room screen (its data-label), or null. */
const highlighted = (page: Page) =>
  page.evaluate(() => document.querySelector('.projector .document .recommendation[data-current]')?.getAttribute('data-label') ?? null);

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Plenary e2e');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Secretariat')).url, 'Lina Haddad');
  await addRecommendations(rapporteur.page, RECOMMENDATIONS);
  await waitUntilSynced(rapporteur.page);

  const observer = await e2e.server.invite(documentId, 'observer', 'Venue');
  const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  screen = await context.newPage();
  await screen.goto(projectorLink(observer.url));
  await screen.waitForURL(/\/documents\/[^/]+\/projector$/);
  await waitFor(async () => (await documentText(screen)).includes('Item 14:'), { message: 'the text on the room screen' });
});

describe('the room screen', () => {
  it('opens from an observer link without a name, in large type, following the first rapporteur', async () => {
    await screen.locator('.projector__presenter', { hasText: FOLLOWING_LINA }).waitFor({ timeout: 5_000 });
    const size = await screen.locator('.projector .document p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
  });

  it('highlights and scrolls to the recommendation the rapporteur is in, within a second', async () => {
    // The rapporteur's caret is still where the last recommendation was added: the screen starts there.
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 14' && (await inView(screen, '.recommendation[data-current]')), {
      message: 'recommendation 14 highlighted in view',
    });
    await screen.waitForTimeout(600); // the end of the smooth scroll
    expect(await inView(screen, '.projector .document .recommendation:nth-child(12)')).toBe(false);
    const started = Date.now();
    await selectWords(rapporteur.page, 'Item 11:', { caretOffset: 3 });
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 11' && (await inView(screen, '.recommendation[data-current]')), {
      message: 'recommendation 11 highlighted in view',
      timeoutMs: 5_000,
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    await expect(screen.locator('.projector__label').innerText()).resolves.toBe('Recommendation 11');

    // Back up the text: the screen follows there too.
    await selectWords(rapporteur.page, 'Item 2:', { caretOffset: 2 });
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 2' && (await inView(screen, '.recommendation[data-current]')), {
      message: 'recommendation 2 highlighted in view',
    });
    await screen.screenshot({ path: '/tmp/projector-e2e-1920.png' });
  });

  it('shows the status, the brackets and the open alternatives of the current recommendation', async () => {
    const delegate = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Morocco')).url, 'Youssef');
    await selectWords(delegate.page, 'Item 2:');
    await delegate.page.getByRole('button', { name: 'Bracket', exact: true }).click();
    await waitUntilSynced(delegate.page);
    const id = await rapporteur.page.locator('.document .recommendation').nth(1).getAttribute('data-id');
    await e2e.server.api('PUT', `/api/documents/${documentId}/recommendations/${id}/status`, { status: 'agreed' });
    await waitFor(async () => (await screen.locator('.projector__brackets').count()) === 1, { message: 'the brackets in the band' });
    await expect(screen.locator('.projector__brackets').innerText()).resolves.toContain('Morocco');
    await screen.locator('.projector__status', { hasText: 'Agreed' }).waitFor({ timeout: 5_000 });

    const proposed = await delegate.page.evaluate(
      async (url) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'States shall cooperate closely.' }) })).status,
      `/api/documents/${documentId}/recommendations/${id}/alternatives`,
    );
    expect(proposed).toBe(201);
    await screen.locator('.projector__alternatives', { hasText: /Alternatives: Alt 1 \(\u2068Morocco\u2069\)/ }).waitFor({ timeout: 5_000 });
    const note = screen.locator('.recommendation[data-current] .alternative-note', { hasText: 'States shall cooperate closely.' });
    await note.waitFor({ timeout: 5_000 });
    expect(await note.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(24);
    await screen.screenshot({ path: '/tmp/projector-e2e-alternatives.png' });
    await delegate.context.close();
  });

  it('follows whom the rapporteur puts on screen, and the rapporteur again when taken off', async () => {
    const delegate = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Morocco')).url, 'Youssef');
    await selectWords(delegate.page, 'Item 7:', { caretOffset: 2 });
    await openPanel(rapporteur.page, 'participants');
    const lina = rapporteur.page.locator('.participants__person', { hasText: 'Lina Haddad' });
    await lina.getByText('On the room screen').waitFor({ timeout: 5_000 });
    await rapporteur.page.getByRole('button', { name: 'Put Youssef on the room screen' }).click();
    await screen.locator('.projector__presenter', { hasText: /Following \u2068Youssef\u2069 \(\u2068Morocco\u2069\)/ }).waitFor({ timeout: 5_000 });
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 7', { message: "the delegate's recommendation on screen" });
    await rapporteur.page.locator('.participants__person', { hasText: 'Youssef' }).getByText('On the room screen').waitFor({ timeout: 5_000 });

    await rapporteur.page.getByRole('button', { name: 'Take Youssef off the room screen' }).click();
    await screen.locator('.projector__presenter', { hasText: FOLLOWING_LINA }).waitFor({ timeout: 5_000 });
    await delegate.context.close();
  });

  it('cannot be typed into', async () => {
    const before = await documentText(rapporteur.page);
    await screen.locator('.projector .document p').first().click();
    await screen.keyboard.type('typed on the screen');
    await screen.keyboard.press('Enter');
    await screen.waitForTimeout(500);
    expect(await screen.locator('.projector .document').getAttribute('contenteditable')).toBe('false');
    expect(await documentText(screen)).not.toContain('typed on the screen');
    expect(await documentText(rapporteur.page)).toBe(before);
  });
});

describe('following a participant', () => {
  it('keeps the rapporteur in view for a delegate until Escape', async () => {
    const delegate = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Jordan')).url, 'Omar', { viewport: { width: 1280, height: 800 } });
    await openPanel(delegate.page, 'participants');
    await delegate.page.getByRole('button', { name: 'Follow Lina Haddad' }).click();
    const indicator = delegate.page.getByRole('status').filter({ hasText: FOLLOWING_LINA });
    await indicator.waitFor({ timeout: 5_000 });

    const caretIn = (n: number) => `.document .recommendation:nth-child(${n + 1})`;
    await selectWords(rapporteur.page, 'Item 13:', { caretOffset: 3 });
    await waitFor(() => inView(delegate.page, caretIn(13)), { message: 'recommendation 13 scrolled into view at the delegate' });
    await delegate.page.screenshot({ path: '/tmp/follow-e2e-1280.png' });

    await delegate.page.keyboard.press('Escape');
    await waitFor(async () => (await indicator.count()) === 0, { message: 'the indicator gone' });
    await selectWords(rapporteur.page, 'Item 1:', { caretOffset: 3 });
    await delegate.page.waitForTimeout(1_000);
    expect(await inView(delegate.page, caretIn(13))).toBe(true);
    expect(await inView(delegate.page, caretIn(1))).toBe(false);
    await delegate.context.close();
  });

  it('follows someone who has not placed a caret yet to the part of the text they are reading', async () => {
    const reader = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Kenya')).url, 'Amina', { viewport: { width: 1280, height: 800 } });
    const follower = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'observer', 'Press')).url, 'Olga', { viewport: { width: 1280, height: 800 } });
    const recommendation = (n: number) => `.document .recommendation:nth-child(${n + 1})`;
    const scrollTo = (n: number) => reader.page.locator(recommendation(n)).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await scrollTo(12);
    expect(await rapporteur.page.locator('.collaboration-carets__caret', { hasText: 'Amina' }).count()).toBe(0);
    expect(await inView(follower.page, recommendation(12))).toBe(false);

    await openPanel(follower.page, 'participants');
    await follower.page.getByRole('button', { name: 'Follow Amina' }).click();
    await waitFor(() => inView(follower.page, recommendation(12)), { message: 'recommendation 12, which Amina reads, in view at the follower' });
    // Reading on without a caret: the follower goes along.
    await scrollTo(3);
    await waitFor(() => inView(follower.page, recommendation(3)), { message: 'recommendation 3 in view at the follower' });
    await reader.context.close();
    await follower.context.close();
  });
});

describe('the room screen under silence procedure', () => {
  it('says where the procedure stands, live, and still follows and highlights the frozen text', async () => {
    const morocco = await e2e.server.invite(documentId, 'delegate', 'Morocco');
    const delegate = await joinAs(e2e.browser, morocco.url, 'Youssef');
    const at = new Date(Date.now() + 60 * 60_000).toISOString();
    await e2e.server.api('POST', `/api/documents/${documentId}/silence`, { at, timeZone: 'Europe/Paris' });
    const line = screen.getByTestId('projector-silence');
    await line.getByText('Under silence procedure until').waitFor({ timeout: 5_000 });
    const paris = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(at));
    expect(await line.innerText()).toBe(`Under silence procedure until ${paris} (Europe/Paris)`);

    // The rapporteur reads on in the frozen text: the screen goes along and highlights where they are.
    await rapporteur.page.locator('.notice--read-only').waitFor();
    await waitUntilSynced(rapporteur.page);
    await rapporteur.page.locator('.document .recommendation:nth-child(6)').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 5', { message: 'recommendation 5 highlighted while frozen', timeoutMs: 5_000 });
    await expect(screen.locator('.projector__label').innerText()).resolves.toBe('Recommendation 5');
    // A click in the frozen text (no caret can be placed there) moves the screen too.
    await rapporteur.page.locator('.document .recommendation:nth-child(7) p').click();
    await waitFor(async () => (await highlighted(screen)) === 'Recommendation 6', { message: 'recommendation 6 highlighted after a click', timeoutMs: 5_000 });

    await delegate.page.locator('.notice--read-only').waitFor();
    await delegate.page.getByRole('button', { name: 'Break silence' }).click();
    await delegate.page.getByLabel('Statement of your delegation').fill('Morocco asks for one more reading.');
    await delegate.page.getByRole('button', { name: 'Break silence for my delegation' }).click();
    await line.getByText(/^Silence broken by Morocco on .* \(Europe\/Paris\): the text is not adopted\.$/).waitFor({ timeout: 5_000 });
    await screen.screenshot({ path: '/tmp/projector-e2e-silence-broken.png' });
    await delegate.context.close();
  });
});
