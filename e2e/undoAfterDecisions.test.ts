import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, documentText, joinAs, openPanel, selectWords, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let spain: Participant;
let rapporteur: Participant;

const START = 'Data should be shared in real time between States.';

const e2e = useE2eSession();

const undoButton = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo', exact: true });
const proposalCount = (page: Page) => page.locator('.document .suggestion').count();

/** The rapporteur decides every open proposal, as from the Proposals panel. */
async function decideAll(decision: 'Accept' | 'Reject'): Promise<void> {
  const cards = rapporteur.page.locator('.suggestion-card');
  await cards.first().waitFor();
  while ((await cards.count()) > 0) {
    const before = await cards.count();
    await cards.first().getByRole('button', { name: decision, exact: true }).click();
    await waitFor(async () => (await cards.count()) < before, { message: 'the card gone' });
  }
}

/** Spain clicks into the text and presses Ctrl+Z once; then both browsers have had time to hear of anything it did. */
async function spainPressesUndo(): Promise<void> {
  await spain.page.locator('.document').click();
  await spain.page.keyboard.press('Control+z');
  await waitUntilSynced(spain.page);
  await rapporteur.page.waitForTimeout(500);
  await waitUntilSynced(rapporteur.page);
}

beforeAll(async () => {
  const documentId = await e2e.server.createDocument('Undo e2e');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  await openPanel(rapporteur.page, 'proposals');
  await caretToEnd(rapporteur.page);
  await rapporteur.page.keyboard.type(START);
  await waitUntilSynced(rapporteur.page);
  await waitFor(async () => (await documentText(spain.page)) === START, { message: 'the text at Spain' });
  await spain.page.getByRole('radio', { name: 'Suggest' }).click();
});

describe('undo after someone else decided', () => {
  it('leaves an accepted proposal intact in every browser', async () => {
    await selectWords(spain.page, 'in real time');
    await spain.page.keyboard.type('monthly');
    await waitUntilSynced(spain.page);
    await waitFor(async () => (await proposalCount(rapporteur.page)) > 0, { message: 'the proposal at the rapporteur' });
    expect(await undoButton(spain.page).isEnabled()).toBe(true);

    await decideAll('Accept');
    const accepted = 'Data should be shared monthly between States.';
    await waitFor(async () => (await documentText(spain.page)) === accepted, { message: 'the accepted text at Spain' });
    await waitFor(() => undoButton(spain.page).isDisabled(), { message: 'Spain’s undo history forgotten' });

    await spainPressesUndo();
    for (const person of [spain, rapporteur]) {
      expect(await documentText(person.page)).toBe(accepted);
      expect(await proposalCount(person.page)).toBe(0);
    }
  });

  it('neither resurrects nor deletes anything after a rejected proposal', async () => {
    const text = 'Data should be shared monthly between States.';
    await selectWords(spain.page, ' between States');
    await spain.page.keyboard.press('Backspace');
    await waitUntilSynced(spain.page);
    await waitFor(async () => (await proposalCount(rapporteur.page)) > 0, { message: 'the proposal at the rapporteur' });

    await decideAll('Reject');
    await waitFor(async () => (await proposalCount(spain.page)) === 0, { message: 'the rejection at Spain' });
    await waitFor(() => undoButton(spain.page).isDisabled(), { message: 'Spain’s undo history forgotten' });

    await spainPressesUndo();
    for (const person of [spain, rapporteur]) {
      expect(await documentText(person.page)).toBe(text);
      expect(await proposalCount(person.page)).toBe(0);
    }
  });

  it('still undoes one’s own fresh typing that nobody has acted on', async () => {
    const text = 'Data should be shared monthly between States.';
    await spain.page.getByRole('radio', { name: 'Edit' }).click();
    await caretToEnd(spain.page);
    await spain.page.keyboard.type(' Fresh words.');
    await waitFor(async () => (await documentText(rapporteur.page)) === `${text} Fresh words.`, { message: 'the typing at the rapporteur' });
    await spain.page.keyboard.press('Control+z');
    for (const person of [spain, rapporteur]) {
      await waitFor(async () => (await documentText(person.page)) === text, { message: 'the typing undone' });
    }
  });
});
