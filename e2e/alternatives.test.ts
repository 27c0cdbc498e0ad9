import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, addRecommendations, documentText, joinAs, openPanel } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let documentId: string;
let rapporteur: Participant;
let morocco: Participant;
let jordan: Participant;
let spain: Participant;

const e2e = useE2eSession();
const SHOTS = process.env.ACCORD_SCREENSHOTS ?? '/tmp';

/** The alternatives drawn under recommendation `number` in the text: "Alt 1 … Morocco", one line each. */
const notesUnder = (page: Page, number: number) =>
  page.locator('.document .recommendation').nth(number - 1).locator('.alternative-note').allTextContents();

async function propose(page: Page, number: number, wording: string, justification: string): Promise<void> {
  await openPanel(page, 'alternatives');
  const panel = page.locator('#panel-alternatives');
  await panel.getByLabel('Propose an alternative to').selectOption({ label: `Recommendation ${number}` });
  await panel.getByLabel('Alternative wording').fill(wording);
  await panel.getByLabel('Justification (optional)').fill(justification);
  await panel.getByRole('button', { name: 'Propose alternative' }).click();
}

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Alternatives e2e');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  morocco = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Morocco')).url, 'Amina');
  jordan = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Jordan')).url, 'Omar');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
});

describe('alternatives', () => {
  it('two delegations propose alternatives, a third supports one, the rapporteur retains it; every browser follows', async () => {
    await addRecommendations(rapporteur.page, ['States should share screening data.', 'Interpreters should be available at every stage.']);
    for (const { page } of [morocco, jordan, spain]) {
      await waitFor(async () => (await page.locator('.document .recommendation').count()) === 2, { message: 'two recommendations' });
    }

    await propose(morocco.page, 1, 'States shall share screening data through secure channels.', 'Binding language');
    await waitFor(async () => (await notesUnder(jordan.page, 1)).length === 1, { message: 'Alt 1 under recommendation 1 for Jordan' });
    await propose(jordan.page, 1, 'States may share screening data where national law allows.', 'Room for national law');
    for (const { page } of [morocco, jordan, spain, rapporteur]) {
      await waitFor(async () => (await notesUnder(page, 1)).length === 2, { message: 'Alt 1 and Alt 2 in every browser' });
    }
    const notes = await notesUnder(spain.page, 1);
    expect(notes[0]).toMatch(/^Alt 1 States shall share .* Morocco$/);
    expect(notes[1]).toMatch(/^Alt 2 States may share .* Jordan$/);

    // The form starts at the recommendation Spain's cursor is in, with its current words.
    await spain.page.locator('.document .recommendation').nth(1).getByText('Interpreters should').click();
    await openPanel(spain.page, 'alternatives');
    const form = spain.page.locator('#panel-alternatives .alternatives__propose');
    await waitFor(async () => (await form.locator('select option:checked').textContent()) === 'Recommendation 2', { message: 'recommendation 2 preselected' });
    expect(await form.getByLabel('Alternative wording').inputValue()).toBe('Interpreters should be available at every stage.');

    // Spain supports Jordan's alternative: every browser reads "supported by Spain".
    await openPanel(spain.page, 'alternatives');
    const jordanCard = spain.page.locator('#panel-alternatives .alternative-card[data-alternative="2"]');
    await jordanCard.getByRole('button', { name: 'Support for Spain' }).click();
    for (const { page } of [morocco, jordan, rapporteur]) {
      await waitFor(async () => (await notesUnder(page, 1))[1]?.endsWith('Jordan · supported by Spain') === true, { message: 'support shown live' });
    }
    // A delegation cannot support its own alternative: Jordan sees no such button on its card.
    await openPanel(jordan.page, 'alternatives');
    expect(await jordan.page.locator('#panel-alternatives .alternative-card[data-alternative="2"] button', { hasText: 'Support' }).count()).toBe(0);

    // The status board counts the recommendations with open alternatives.
    await openPanel(rapporteur.page, 'status');
    await waitFor(async () => (await rapporteur.page.locator('.status-count[data-status="alternatives"] .status-count__number').textContent()) === '1', {
      message: 'one recommendation with open alternatives',
    });

    await shoot(spain.page, 'alternatives');

    // Delegates have no retain button; the rapporteur retains Alt 2.
    expect(await spain.page.locator('#panel-alternatives button', { hasText: 'Retain' }).count()).toBe(0);
    await openPanel(rapporteur.page, 'alternatives');
    const started = Date.now();
    await rapporteur.page.locator('#panel-alternatives').getByRole('button', { name: 'Retain Alt 2' }).click();
    for (const { page } of [morocco, jordan, spain, rapporteur]) {
      await waitFor(async () => (await documentText(page)).includes('States may share screening data where national law allows.'), {
        message: 'the retained wording in every browser',
      });
      await waitFor(async () => (await notesUnder(page, 1)).length === 0, { message: 'no open alternatives left under it' });
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await documentText(spain.page)).not.toContain('States should share screening data.');
    const decided = spain.page.locator('#panel-alternatives .alternatives__decided');
    await decided.locator('summary').click();
    expect(await decided.locator('li[data-status="retained"]').textContent()).toBe('Alt 2 (Jordan, Spain) retained');
    expect(await decided.locator('li[data-status="not_retained"]').textContent()).toBe('Alt 1 (Morocco) not retained');
    await waitFor(async () => (await rapporteur.page.locator('.status-count[data-status="alternatives"] .status-count__number').textContent()) === '0', {
      message: 'no recommendation with open alternatives',
    });
  });
});

/** Screenshots of the text with its alternatives and the panel, on a phone and a laptop, in English and Arabic. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const language of ['en', 'ar']) {
    await page.locator('.app-header .language-switcher select').selectOption(language);
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openPanel(page, 'alternatives');
      await page.screenshot({ path: `${SHOTS}/${name}-panel-${language}-${width}.png` });
      if (width === 390) {
        await page.locator('#panel-alternatives .side-panel__close').click();
        await page.locator('.document .alternative-notes').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${name}-text-${language}-${width}.png` });
      }
    }
  }
  await page.locator('.app-header .language-switcher select').selectOption('en');
  await page.setViewportSize({ width: 1280, height: 860 });
}
