import { describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, documentText, joinAs, myColor, recommendationButton, rgb, waitUntilSynced, openPanel } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';


/** A fresh document with a Spanish and a Lebanese delegate joined in two browser profiles. */
async function twoDelegates(): Promise<[Participant, Participant]> {
  const documentId = await e2e.server.createDocument('Draft recommendations');
  const [spain, lebanon] = await Promise.all([
    e2e.server.invite(documentId, 'delegate', 'Spain'),
    e2e.server.invite(documentId, 'delegate', 'Lebanon'),
  ]);
  return Promise.all([joinAs(e2e.browser, spain.url, 'Ana García'), joinAs(e2e.browser, lebanon.url, 'Rami Haddad')]);
}

const textOf = (participant: Participant) => participant.editor.innerText();

const e2e = useE2eSession();

describe('two delegates drafting together', () => {
  it('converge when both type at once', async () => {
    const [ana, rami] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Screening at the points of first arrival.');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Judicial cooperation.');
    await waitFor(async () => (await documentText(rami.page)).includes('Judicial cooperation.'), { message: "Ana's text at Rami's" });
    await ana.page.keyboard.press('Control+Home');
    await ana.page.keyboard.press('End');
    await rami.editor.click();
    await rami.page.keyboard.press('Control+End');
    await Promise.all([
      ana.page.keyboard.type(' Interpretation should be available.'),
      rami.page.keyboard.type(' Prosecutors should use EUROJUST early.'),
    ]);
    const expected = 'Screening at the points of first arrival. Interpretation should be available.\nJudicial cooperation. Prosecutors should use EUROJUST early.';
    for (const participant of [ana, rami]) {
      await waitFor(async () => (await documentText(participant.page)).startsWith(expected), { message: 'both texts in each browser' });
    }
    expect(await documentText(ana.page)).toBe(await documentText(rami.page));
    await Promise.all([ana.context.close(), rami.context.close()]);
  });

  it("shows the other person's caret with their name and delegation", async () => {
    const [ana, rami] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Biometric data');
    const label = rami.page.locator('.collaboration-carets__label', { hasText: 'Ana García · Spain' });
    await label.waitFor({ timeout: 10_000 });
    // Delegations get their colours in the order their first invite was made (the two were made at once).
    expect(await label.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(rgb(await myColor(ana.page)));
    await openPanel(rami.page, 'participants');
    await rami.page.locator('.participants', { hasText: 'Ana García' }).waitFor();
    await expect(rami.page.locator('.participants__group', { hasText: 'Spain' }).innerText()).resolves.toContain('Ana García');
    await Promise.all([ana.context.close(), rami.context.close()]);
  });

  it('renders an Arabic paragraph right-to-left next to English ones', async () => {
    const [ana, rami] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Judicial cooperation');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية');
    const arabic = rami.page.locator('.document p', { hasText: 'تعزيز التعاون' });
    await waitFor(async () => (await arabic.count()) === 1 && (await arabic.getAttribute('dir')) === 'rtl', { message: 'rtl paragraph' });
    expect(await rami.page.locator('.document p', { hasText: 'Judicial cooperation' }).getAttribute('dir')).toBe('ltr');
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await Promise.all([ana.context.close(), rami.context.close()]);
  });

  it('renumbers recommendations when the other person inserts one above', async () => {
    const [ana, rami] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Preamble');
    await ana.page.keyboard.press('Enter');
    for (const text of ['Alpha recommendation', 'Beta recommendation']) {
      await ana.page.keyboard.type(text);
      await recommendationButton(ana.page).click();
      await caretToEnd(ana.page);
    }
    const numberOf = (participant: Participant, text: string) =>
      participant.page.locator('section.recommendation', { hasText: text }).getAttribute('data-number');
    await waitFor(async () => (await numberOf(rami, 'Beta')) === '2', { message: 'Beta is 2 for Rami' });

    await rami.page.locator('.document p', { hasText: 'Preamble' }).click();
    await rami.page.keyboard.press('End');
    await rami.page.keyboard.press('Enter');
    await rami.page.keyboard.type('Zero recommendation');
    await recommendationButton(rami.page).click();

    for (const participant of [ana, rami]) {
      await waitFor(
        async () =>
          (await numberOf(participant, 'Zero')) === '1' &&
          (await numberOf(participant, 'Alpha')) === '2' &&
          (await numberOf(participant, 'Beta')) === '3',
        { message: 'renumbered 1, 2, 3' },
      );
    }
    await expect(ana.page.locator('section.recommendation', { hasText: 'Beta' }).getAttribute('data-label')).resolves.toBe('Recommendation 3');
    await Promise.all([ana.context.close(), rami.context.close()]);
  });

  it('keeps the content across a reload', async () => {
    const [ana, rami] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Non-refoulement must be respected.');
    await waitUntilSynced(ana.page);
    await ana.page.reload();
    await waitUntilSynced(ana.page);
    expect(await textOf(ana)).toContain('Non-refoulement must be respected.');
    await Promise.all([ana.context.close(), rami.context.close()]);
  });
});
