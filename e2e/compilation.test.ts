import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, addRecommendations, documentText, joinAs, openPanel, selectWords, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let documentId: string;
let rapporteur: Participant;
let spain: Participant;
let france: Participant;

const e2e = useE2eSession();
const SHOTS = process.env.ACCORD_SCREENSHOTS ?? '/tmp';
const FIRST = 'States should share screening data.';
const SECOND = 'Interpreters should be available at every stage.';
const FRANCE_WORDING = 'Qualified interpreters shall be available at every stage.';

interface ShownRow {
  delegation: string;
  tag: string;
  kind: string;
  inserted: string;
  justification: string;
}

/** What a person reads in the compilation panel: each recommendation's number and its rows. */
const compilation = (page: Page): Promise<{ number: string; rows: ShownRow[] }[]> =>
  page.locator('#panel-compilation .compilation-recommendation').evaluateAll((items) =>
    items.map((item) => ({
      number: item.querySelector('.compilation-recommendation__number')?.textContent ?? '',
      rows: [...item.querySelectorAll('.compilation-row')].map((row) => ({
        delegation: row.querySelector('.compilation-row__delegation')?.textContent ?? '',
        tag: row.querySelector('.compilation-tag')?.textContent ?? '',
        kind: row.querySelector('.compilation-row__kind')?.textContent ?? '',
        inserted: row.querySelector('.compilation-row__words ins')?.textContent ?? '',
        justification: row.querySelector('.compilation-row__justification')?.textContent ?? '',
      })),
    })),
  );

const summary = async (page: Page) => (await compilation(page)).map(({ number, rows }) => `${number}: ${rows.map((row) => `${row.delegation} ${row.tag} ${row.kind}`).join(' | ')}`);

const rowOf = (page: Page, delegation: string, kind: string) => page.locator(`#panel-compilation .compilation-row[data-delegation="${delegation}"][data-kind="${kind}"]`);

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Compilation e2e');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  france = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'France')).url, 'Blaise');
  await addRecommendations(rapporteur.page, [FIRST, SECOND]);
  for (const { page } of [spain, france]) {
    await waitFor(async () => (await page.locator('.document .recommendation').count()) === 2, { message: 'two recommendations' });
  }
});

describe('the compilation of proposals', () => {
  it('shows each delegation’s open proposals under its recommendation, tagged, as they are made', async () => {
    for (const { page } of [rapporteur, spain, france]) await openPanel(page, 'compilation');
    await waitFor(async () => (await summary(rapporteur.page)).join('\n') === 'Recommendation 1: \nRecommendation 2: ', { message: 'both recommendations, no proposals' });

    // Spain proposes words in recommendation 1 (suggest mode): a MOD.
    await spain.page.getByRole('radio', { name: 'Suggest' }).click();
    await selectWords(spain.page, 'share', { caretOffset: 'share'.length });
    await spain.page.keyboard.type(' promptly');
    await waitUntilSynced(spain.page);
    // France proposes an alternative wording of recommendation 2, with its reason.
    const second = await france.page.locator('.document .recommendation').nth(1).getAttribute('data-id');
    const status = await france.page.evaluate(
      async ({ path, text }) => (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, justification: 'Quality of interpretation' }) })).status,
      { path: `/api/documents/${documentId}/recommendations/${second}/alternatives`, text: FRANCE_WORDING },
    );
    expect(status).toBe(201);

    const expected = ['Recommendation 1: Spain MOD Proposal', 'Recommendation 2: France MOD Alternative (Alt 1)'];
    for (const { page } of [rapporteur, spain, france]) {
      await waitFor(async () => (await summary(page)).join('\n') === expected.join('\n'), { message: 'both proposals in every browser' });
    }
    const shown = await compilation(france.page);
    expect(shown[0]!.rows[0]!.inserted.trim()).toBe('promptly');
    expect(shown[1]!.rows[0]!.justification).toBe('Justification: Quality of interpretation');
    expect(await rowOf(france.page, 'France', 'alternative').locator('.compilation-row__words').textContent()).toBe(FRANCE_WORDING);
    // The current text is the agreed one: Spain's words are not in it yet.
    expect(await france.page.locator('#panel-compilation .compilation-recommendation__text').first().textContent()).toBe(FIRST);
  });

  it('lets a delegation justify its own proposal and mark "no change", live for the others', async () => {
    expect(await rowOf(france.page, 'Spain', 'proposal').getByRole('button', { name: /justification/ }).count()).toBe(0);
    await rowOf(spain.page, 'Spain', 'proposal').getByRole('button', { name: 'Add a justification' }).click();
    await rowOf(spain.page, 'Spain', 'proposal').getByLabel('Justification').fill('Urgency');
    await rowOf(spain.page, 'Spain', 'proposal').getByRole('button', { name: 'Save' }).click();

    const first = france.page.locator('#panel-compilation .compilation-recommendation').first();
    await first.getByRole('button', { name: 'No change (NOC) for France' }).click();
    await first.getByRole('button', { name: 'Mark no change' }).click();

    await waitFor(
      async () => {
        const [recommendation] = await compilation(rapporteur.page);
        return JSON.stringify(recommendation?.rows.map((row) => [row.delegation, row.tag, row.justification])) === JSON.stringify([['France', 'NOC', ''], ['Spain', 'MOD', 'Justification: Urgency']]);
      },
      { message: 'the justification and the NOC at the rapporteur' },
    );
    // A rapporteur speaks for no delegation: no NOC is offered to them.
    expect(await rapporteur.page.locator('#panel-compilation .compilation-recommendation__noc').count()).toBe(0);
  });

  it('narrows the list by delegation and by tag', async () => {
    const page = rapporteur.page;
    const panel = page.locator('#panel-compilation');
    await panel.getByLabel('Delegation').selectOption('France');
    await waitFor(async () => (await summary(page)).join('\n') === 'Recommendation 1: France NOC No change\nRecommendation 2: France MOD Alternative (Alt 1)', { message: 'France only' });
    await panel.getByLabel('Tag').selectOption('NOC');
    await waitFor(async () => (await summary(page)).join('\n') === 'Recommendation 1: France NOC No change', { message: 'France’s NOC only' });
    await panel.getByLabel('Delegation').selectOption('');
    await panel.getByLabel('Tag').selectOption('MOD');
    await waitFor(async () => (await summary(page)).join('\n') === 'Recommendation 1: Spain MOD Proposal\nRecommendation 2: France MOD Alternative (Alt 1)', { message: 'the MODs' });
    await panel.getByLabel('Tag').selectOption('ADD');
    await panel.getByText('No proposal matches these filters.').waitFor();
    await panel.getByLabel('Tag').selectOption('');
    await waitFor(async () => (await compilation(page)).flatMap((entry) => entry.rows).length === 3, { message: 'every row again' });
  });

  it('offers accept, reject and retain to the rapporteur only', async () => {
    for (const { page } of [spain, france]) {
      for (const name of ['Accept', 'Reject', 'Retain Alt 1']) {
        expect(await page.locator('#panel-compilation').getByRole('button', { name, exact: true }).count()).toBe(0);
      }
    }
    await rowOf(rapporteur.page, 'Spain', 'proposal').getByRole('button', { name: 'Accept', exact: true }).waitFor();
    await rowOf(rapporteur.page, 'France', 'alternative').getByRole('button', { name: 'Retain Alt 1', exact: true }).waitFor();
    await shoot(rapporteur.page);
  });

  it('lets the rapporteur accept a proposal and retain an alternative from it; the text follows in every browser', async () => {
    await rowOf(rapporteur.page, 'Spain', 'proposal').getByRole('button', { name: 'Accept', exact: true }).click();
    await waitFor(async () => (await documentText(france.page)).includes('States should share promptly screening data.'), { message: 'the accepted words at France' });
    await waitFor(async () => (await france.page.locator('.document .suggestion').count()) === 0, { message: 'no proposal mark left at France' });
    await waitFor(async () => (await summary(spain.page))[0] === 'Recommendation 1: France NOC No change', { message: 'Spain’s proposal gone from its compilation' });

    await rowOf(rapporteur.page, 'France', 'alternative').getByRole('button', { name: 'Retain Alt 1', exact: true }).click();
    await waitFor(async () => (await documentText(spain.page)).includes(FRANCE_WORDING), { message: 'the retained wording at Spain' });
    expect(await documentText(spain.page)).not.toContain(SECOND);
    for (const { page } of [rapporteur, spain, france]) {
      await waitFor(async () => (await summary(page))[1] === 'Recommendation 2: ', { message: 'no open proposal on recommendation 2' });
    }
    expect(await spain.page.locator('#panel-compilation .compilation-recommendation__text').nth(1).textContent()).toBe(FRANCE_WORDING);
  });

  it('numbers as the text does once numbers are locked (2bis), and tags a proposed deletion SUP', async () => {
    await rapporteur.page.getByRole('button', { name: 'Lock numbers' }).click();
    await rapporteur.page.getByRole('dialog').getByRole('button', { name: 'Lock numbers' }).click();
    await spain.page.getByTestId('numbering-badge').waitFor();
    await addRecommendations(rapporteur.page, ['Training should be offered.']);
    await waitFor(async () => (await summary(spain.page))[2] === 'Recommendation 2bis: ', { message: '2bis in Spain’s compilation' });

    // Still in suggest mode: Spain proposes deleting all its words.
    await selectWords(spain.page, 'Training should be offered.');
    await spain.page.keyboard.press('Backspace');
    await waitUntilSynced(spain.page);
    for (const { page } of [rapporteur, france]) {
      await waitFor(async () => (await summary(page))[2] === 'Recommendation 2bis: Spain SUP Proposal', { message: 'the SUP under 2bis' });
    }
  });
});

/** The panel with every kind of row, on a phone, a tablet and a laptop, in English and Arabic; never wider than the screen. */
async function shoot(page: Page): Promise<void> {
  for (const language of ['en', 'ar']) {
    await page.locator('.app-header .language-switcher select').selectOption(language);
    for (const [width, height] of [
      [390, 844],
      [768, 1024],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openPanel(page, 'compilation');
      await page.locator('#panel-compilation .compilation-row').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${language} ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/compilation-${language}-${width}.png` });
    }
  }
  await page.locator('.app-header .language-switcher select').selectOption('en');
  await page.setViewportSize({ width: 1280, height: 860 });
}
