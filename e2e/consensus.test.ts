import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, addRecommendations, caretToEnd, documentText, joinAs, myColor, rgb, openPanel } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let documentId: string;
let spain: Participant;
let france: Participant;
let rapporteur: Participant;

/** The count the status board shows for `status`. */
const count = (page: Page, status: string) => page.locator(`.status-count[data-status="${status}"] .status-count__number`).textContent();
const item = (page: Page, number: number) => page.locator('.status-item').nth(number - 1);


/** Appends recommendations through the page's own editor (Tiptap hangs it on its DOM element). */
const e2e = useE2eSession();

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Consensus e2e');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  france = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'France')).url, 'Blaise');
  // The board shows only its counts until a person opens its list.
  for (const { page } of [rapporteur, spain, france]) {
    await openPanel(page, 'status');
    await page.getByRole('button', { name: 'Show list' }).click();
  }
});

describe('consensus status', () => {
  it('counts the statuses the rapporteur sets on every board, live, with a badge on each recommendation', async () => {
    await addRecommendations(rapporteur.page, [
      'States should share screening data through secure channels.',
      'Interpreters should be available at every stage.',
      'Reception conditions should be reviewed every year.',
    ]);
    for (const page of [spain.page, france.page, rapporteur.page]) {
      await waitFor(async () => (await page.locator('.status-item').count()) === 3, { message: 'three recommendations on the board' });
      expect(await count(page, 'draft')).toBe('3');
    }
    // Delegates have no status control at all.
    expect(await spain.page.locator('.status-item__select').count()).toBe(0);

    await rapporteur.page.getByLabel('Status of recommendation 1').selectOption('agreed');
    await rapporteur.page.getByLabel('Status of recommendation 2').selectOption('under_discussion');
    await waitFor(async () => (await count(spain.page, 'agreed')) === '1' && (await count(spain.page, 'under_discussion')) === '1', {
      message: 'the delegate’s board following the rapporteur',
    });
    expect(await count(spain.page, 'draft')).toBe('1');
    expect(await spain.page.locator('.document .recommendation[data-consensus="agreed"]').count()).toBe(1);
    expect(await spain.page.locator('.document .recommendation').first().getAttribute('data-consensus-label')).toBe('Agreed');
    expect(await item(spain.page, 2).locator('.status-badge').textContent()).toBe('Under discussion');

    // Clicking an entry puts the caret in that recommendation.
    await item(spain.page, 3).locator('.status-item__jump').click();
    // Tiptap focuses the editor on the next animation frame, and only a focused editor moves the page's selection.
    const caretIn = () => spain.page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.recommendation')?.textContent ?? '');
    await waitFor(async () => (await caretIn()).includes('Reception conditions'), { message: 'the caret in recommendation 3' });
    expect(await caretIn()).toContain('Reception conditions');
    await spain.page.screenshot({ path: '/tmp/consensus-board-delegate.png' });
  });

  it('refuses a delegate’s status change on the server (403)', async () => {
    const recommendationId = await item(spain.page, 3).getAttribute('data-recommendation-id');
    const status = await spain.page.evaluate(
      async ([doc, rec]) =>
        (
          await fetch(`/api/documents/${doc}/recommendations/${rec}/status`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'agreed' }),
          })
        ).status,
      [documentId, recommendationId] as const,
    );
    expect(status).toBe(403);
    expect(await count(rapporteur.page, 'draft')).toBe('1');
  });

  it('shows a delegation’s reservation to everyone: the agreed text becomes agreed with reservation', async () => {
    await item(spain.page, 1).getByRole('button', { name: 'Enter a reservation for Spain' }).click();
    await item(spain.page, 1).getByLabel('Note (optional)').fill('pending consultation with capital');
    await item(spain.page, 1).getByRole('button', { name: 'Enter reservation' }).click();
    await waitFor(async () => (await count(rapporteur.page, 'agreed_with_reservation')) === '1', { message: 'reservation on the rapporteur’s board' });
    expect(await count(rapporteur.page, 'agreed')).toBe('0');
    expect(await item(rapporteur.page, 1).locator('.reservation').textContent()).toBe('Spain: pending consultation with capital');
    // In the Arabic interface the line still reads "Spain: pending consultation with capital": the name before the note.
    await rapporteur.page.locator('.app-header .language-switcher select').selectOption('ar');
    const line = item(rapporteur.page, 1).locator('.reservation');
    await rapporteur.page.locator('html[dir="rtl"]').waitFor();
    const [name, note] = await Promise.all([line.locator('bdi').boundingBox(), line.getByText('pending consultation with capital').boundingBox()]);
    expect(name!.x).toBeLessThan(note!.x);
    await rapporteur.page.locator('.app-header .language-switcher select').selectOption('en');
    await rapporteur.page.locator('html[dir="ltr"]').waitFor();
    await waitFor(async () => (await item(france.page, 1).locator('.reservation').count()) === 1, { message: 'reservation for France' });
    // France may enter its own reservation, not withdraw Spain's.
    expect(await item(france.page, 1).getByRole('button', { name: 'Withdraw our reservation' }).count()).toBe(0);
    expect(await item(spain.page, 1).getByRole('button', { name: 'Withdraw our reservation' }).count()).toBe(1);
    await rapporteur.page.screenshot({ path: '/tmp/consensus-board-rapporteur.png' });
  });

  it('keeps the list closed for someone who never opened it, and open after a reload for who did', async () => {
    const newcomer = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Morocco')).url, 'Youssef');
    await waitFor(async () => (await count(newcomer.page, 'agreed_with_reservation')) === '1', { message: 'the counts' });
    expect(await newcomer.page.locator('.status-item').count()).toBe(0);

    await spain.page.reload();
    await openPanel(spain.page, 'status');
    await waitFor(async () => (await spain.page.locator('.status-item').count()) === 3, { message: 'the list, still open' });
  });
});

describe('authorship', () => {
  it('colours each text span with the delegation that typed it, with who on hover', async () => {
    await caretToEnd(spain.page);
    await spain.page.keyboard.press('Enter');
    await spain.page.keyboard.type('Spain wrote this sentence.');
    // documentText, not the element's textContent: that also reads the name label of a peer's caret, which sits
    // inside the words whenever the peer's last caret move has not arrived yet (the relay drops presence updates
    // beyond its rate limit, which typing at machine speed reaches).
    await waitFor(async () => (await documentText(france.page)).includes('Spain wrote this sentence.'), {
      message: 'Spain’s text at France',
    });
    await caretToEnd(france.page);
    await france.page.keyboard.press('Enter');
    await france.page.keyboard.type('France added this one.');
    await waitFor(async () => (await documentText(spain.page)).includes('France added this one.'), {
      message: 'France’s text at Spain',
    });

    const colors = { Spain: await myColor(spain.page), France: await myColor(france.page), Chair: await myColor(rapporteur.page) };
    expect(new Set(Object.values(colors)).size).toBe(3);

    const viewer = rapporteur.page;
    await viewer.getByRole('button', { name: 'Authorship colours' }).click();
    const spans = () =>
      viewer.locator('.document .authored-text').evaluateAll((elements) =>
        elements.map((element) => ({
          text: element.textContent ?? '',
          delegation: element.getAttribute('data-author-delegation'),
          title: element.getAttribute('title'),
          border: getComputedStyle(element).borderBottomColor,
        })),
      );
    const found = await waitFor(
      async () => {
        const all = await spans();
        return all.some((span) => span.text.includes('France added')) && all.some((span) => span.text.includes('Spain wrote')) ? all : undefined;
      },
      { message: 'authorship spans' },
    );
    const spanOf = (text: string) => found.find((span) => span.text.includes(text))!;
    expect(spanOf('Spain wrote')).toMatchObject({ delegation: 'Spain', border: rgb(colors.Spain) });
    expect(spanOf('Spain wrote').title).toMatch(/^Ana · Spain · /);
    expect(spanOf('France added')).toMatchObject({ delegation: 'France', border: rgb(colors.France) });
    expect(spanOf('France added').title).toMatch(/^Blaise · France · /);
    expect(spanOf('Interpreters')).toMatchObject({ delegation: 'Chair', border: rgb(colors.Chair) });
    // Every coloured span has the colour of the delegation named on it.
    for (const span of found) expect(span.border).toBe(rgb(colors[span.delegation as keyof typeof colors]));
    await viewer.screenshot({ path: '/tmp/authorship.png' });

    await viewer.getByRole('button', { name: 'Authorship colours' }).click();
    await waitFor(async () => (await viewer.locator('.document .authored-text').count()) === 0, { message: 'colours off' });
  });

  it('follows statuses and threads over one live channel per tab', async () => {
    const streams: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname.endsWith('/events')) streams.push(request.url());
    };
    france.page.on('request', onRequest);
    await france.page.reload();
    // Every stream of the page is requested when it mounts, so once the comments show live, all of them were.
    await france.page.locator('.comments').waitFor();
    await waitFor(async () => streams.length > 0 && (await france.page.locator('.comments__offline').count()) === 0, { message: 'the live channel open' });
    await france.page.locator('.status-count').first().waitFor({ state: 'attached' });
    france.page.off('request', onRequest);
    expect(streams).toEqual([expect.stringContaining(`/api/documents/${documentId}/events`)]);
  });
});
