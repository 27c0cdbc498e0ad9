import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, documentText, joinAs, waitUntilSynced, openPanel, recommendationButton, selectWords } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let documentId: string;
let spain: Participant;
let france: Participant;
let rapporteur: Participant;

const START = 'States shall reduce all emissions.';


/** A request from inside the page, with the person's own session cookie: what a modified client could send. */
const postFromPage = (page: Page, path: string) =>
  page.evaluate(async (url) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, path);

const fetchText = (page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).text(), path);

/** Text of the proposals' elements in the page, by kind. */
const marked = (page: Page, selector: string) => page.locator(`.document ${selector}`).evaluateAll((nodes) => nodes.map((node) => node.textContent).join('|'));

const e2e = useE2eSession();

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Suggestions e2e');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  france = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'France')).url, 'Blaise');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  for (const { page } of [spain, france, rapporteur]) await openPanel(page, 'proposals');
  await caretToEnd(spain.page);
  await spain.page.keyboard.type(START);
  await waitUntilSynced(spain.page);
  for (const other of [france, rapporteur]) {
    await waitFor(async () => (await documentText(other.page)).includes(START), { message: 'the text' });
  }
});

describe('suggestion mode', () => {
  let insertionId: string;
  let deletionId: string;

  it('turns a delegate’s insertion and deletion into proposals that another delegate sees live, with author', async () => {
    const page = spain.page;
    await page.getByRole('radio', { name: 'Suggest' }).click();
    await expect(page.getByRole('radio', { name: 'Suggest' }).getAttribute('aria-checked')).resolves.toBe('true');
    await selectWords(page, 'shall', { caretOffset: 'shall'.length });
    await page.keyboard.type(' promptly');
    await selectWords(page, 'all ');
    await page.keyboard.press('Backspace');
    await waitUntilSynced(page);

    await waitFor(async () => (await marked(france.page, 'ins.suggestion')) === ' promptly', { message: 'the insertion at France' });
    await waitFor(async () => (await marked(france.page, 'del.suggestion')) === 'all ', { message: 'the deletion at France' });
    // Nothing is applied yet: the proposal is shown inside the text.
    expect(await documentText(france.page)).toBe('States shall promptly reduce all emissions.');
    const insertion = france.page.locator('.document ins.suggestion');
    await expect(insertion.getAttribute('title')).resolves.toMatch(/^Proposed by Ana \(Spain\), /);
    insertionId = (await insertion.getAttribute('data-suggestion-id'))!;
    deletionId = (await france.page.locator('.document del.suggestion').getAttribute('data-suggestion-id'))!;
    expect(insertionId).not.toBe(deletionId);
    await france.page.locator('.suggestion-card').first().waitFor();
    expect(await france.page.locator('.suggestion-card').count()).toBe(2);
    // The cards quote the words without the spaces typed around them; the text keeps those spaces.
    expect(await france.page.locator('.suggestion-card__what').allTextContents()).toEqual(['Adds “promptly”', 'Removes “all”']);
    await france.page.screenshot({ path: '/tmp/suggestions-france.png' });
  });

  it('explains, instead of silently doing nothing, that a new recommendation cannot be proposed', async () => {
    const page = spain.page;
    const explanation = page.getByRole('status').filter({ hasText: 'A new recommendation cannot be proposed in Suggest mode' });
    await selectWords(page, 'emissions', { caretOffset: 'emissions'.length });
    await page.keyboard.press('Control+Alt+r');
    await explanation.waitFor();
    await page.getByRole('radio', { name: 'Edit' }).click();
    await explanation.waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: 'Suggest' }).click();
    await recommendationButton(page).click();
    await explanation.waitFor();
    await waitUntilSynced(page);
    for (const person of [spain, france]) expect(await person.page.locator('.document section.recommendation').count()).toBe(0);
    await page.screenshot({ path: '/tmp/shots-undo/no-new-recommendation.png' });
  });

  it('refuses a delegate’s accept on the server, and offers them no such button', async () => {
    expect(await france.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    expect(await postFromPage(france.page, `/api/documents/${documentId}/suggestions/${insertionId}/accept`)).toBe(403);
    expect(await postFromPage(france.page, `/api/documents/${documentId}/suggestions/${insertionId}/withdraw`)).toBe(403);
    expect(await postFromPage(spain.page, `/api/documents/${documentId}/suggestions/accept`)).toBe(403);
    expect(await marked(rapporteur.page, 'ins.suggestion')).toBe(' promptly');
  });

  it('lets the rapporteur accept one and reject the other: the text is right for everyone', async () => {
    const page = rapporteur.page;
    await page.locator(`.suggestion-card[data-suggestion-id="${insertionId}"]`).getByRole('button', { name: 'Accept', exact: true }).click();
    await waitFor(async () => (await page.locator('.suggestion-card').count()) === 1, { message: 'one proposal left' });
    await page.screenshot({ path: '/tmp/suggestions-rapporteur.png' });
    await page.locator(`.suggestion-card[data-suggestion-id="${deletionId}"]`).getByRole('button', { name: 'Reject', exact: true }).click();
    for (const person of [spain, france, rapporteur]) {
      await waitFor(async () => (await person.page.locator('.document .suggestion').count()) === 0, { message: 'no proposal left' });
      expect(await documentText(person.page)).toBe('States shall promptly reduce all emissions.');
    }
    await waitFor(async () => (await page.getByText('No open proposals.').count()) === 1, { message: 'the empty list' });
  });
});

describe('bracketed text', () => {
  let bracketId: string;

  it('lets a delegate bracket words; everyone sees them in square brackets, and the clean export prints them', async () => {
    const page = france.page;
    await selectWords(page, 'emissions');
    await page.getByRole('button', { name: 'Bracket', exact: true }).click();
    await waitUntilSynced(page);
    const bracketed = rapporteur.page.locator('.document .bracketed');
    await waitFor(() => bracketed.count().then((count) => count === 1), { message: 'the brackets at the rapporteur' });
    // Without the name label of a caret that may sit inside the brackets.
    const words = await bracketed.evaluate((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent;
    });
    expect(words).toBe('emissions');
    expect(await bracketed.evaluate((node) => getComputedStyle(node, '::before').content)).toBe('"["');
    await expect(bracketed.getAttribute('title')).resolves.toMatch(/^Bracketed at the request of France, /);
    bracketId = (await bracketed.getAttribute('data-bracket-id'))!;
    await rapporteur.page.screenshot({ path: '/tmp/suggestions-brackets.png' });

    const markdown = await fetchText(rapporteur.page, `/api/documents/${documentId}/export?format=md&kind=clean`);
    expect(markdown).toContain('States shall promptly reduce all \\[emissions\\].');
    const html = await fetchText(spain.page, `/api/documents/${documentId}/export?format=html&kind=clean`);
    expect(html).toContain('States shall promptly reduce all [emissions].');
  });

  it('refuses removal by a delegate and lets the rapporteur remove the brackets in one action', async () => {
    expect(await postFromPage(france.page, `/api/documents/${documentId}/brackets/${bracketId}/remove`)).toBe(403);
    expect(await france.page.getByRole('button', { name: 'Remove brackets' }).count()).toBe(0);
    await rapporteur.page.getByRole('button', { name: 'Remove brackets' }).click();
    for (const person of [spain, france, rapporteur]) {
      await waitFor(async () => (await person.page.locator('.document .bracketed').count()) === 0, { message: 'brackets gone' });
    }
    const html = await fetchText(rapporteur.page, `/api/documents/${documentId}/export?format=html&kind=clean`);
    expect(html).toContain('States shall promptly reduce all emissions.');
  });
});
