import { describe, expect, it } from 'vitest';
import { type Participant, documentText, joinAs, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';


async function twoDelegates(): Promise<[Participant, Participant]> {
  const documentId = await e2e.server.createDocument('Draft recommendations');
  const [spain, morocco] = await Promise.all([
    e2e.server.invite(documentId, 'delegate', 'Spain'),
    e2e.server.invite(documentId, 'delegate', 'Morocco'),
  ]);
  return Promise.all([joinAs(e2e.browser, spain.url, 'Ana García'), joinAs(e2e.browser, morocco.url, 'Youssef Alami')]);
}

const e2e = useE2eSession();

describe('losing the network', () => {
  it('keeps edits made offline and merges them when the connection returns', async () => {
    const [ana, youssef] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Shared opening.');
    await waitFor(async () => (await documentText(youssef.page)).includes('Shared opening.'), { message: 'opening synced' });

    await ana.context.setOffline(true);
    await ana.page.locator('.connection[data-status="offline"]', { hasText: 'your changes are kept' }).waitFor();
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Written offline by Spain.');
    await youssef.editor.click();
    await youssef.page.keyboard.press('Control+End');
    await youssef.page.keyboard.press('Enter');
    await youssef.page.keyboard.type('Written online by Morocco.');
    await waitUntilSynced(youssef.page);
    expect(await documentText(youssef.page)).not.toContain('Written offline by Spain.');
    expect(await ana.page.locator('.connection').getAttribute('data-pending')).toBe('true');

    await ana.context.setOffline(false);
    for (const participant of [ana, youssef]) {
      await waitFor(
        async () => {
          const text = await documentText(participant.page);
          return text.includes('Written offline by Spain.') && text.includes('Written online by Morocco.');
        },
        { message: 'both texts in both browsers' },
      );
    }
    await waitUntilSynced(ana.page);
    expect(await documentText(ana.page)).toBe(await documentText(youssef.page));
    await Promise.all([ana.context.close(), youssef.context.close()]);
  });

  // Offline, an edit and the record of where it moved text (kept for comment anchors) reach the server as one change,
  // and the other delegation receives them in one transaction: neither browser may lose or duplicate any of the text.
  const sentence = 'Screening should combine checks with interviews by trained officers.';
  it.each([
    { edit: 'split and joined again', keys: ['Enter', 'Backspace'], expected: sentence },
    { edit: 'split', keys: ['Enter'], expected: 'Screening should combine\n checks with interviews by trained officers.' },
  ])('shows a paragraph $edit offline exactly as its author left it, in both browsers', async ({ keys, expected }) => {
    const [ana, youssef] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type(sentence);
    await waitFor(async () => (await documentText(youssef.page)).includes(sentence), { message: 'the sentence synced' });

    await ana.context.setOffline(true);
    await ana.page.locator('.connection', { hasText: 'your changes are kept' }).waitFor();
    await ana.page.keyboard.press('Home');
    for (let i = 0; i < 'Screening should combine'.length; i++) await ana.page.keyboard.press('ArrowRight');
    for (const key of keys) await ana.page.keyboard.press(key);
    await ana.context.setOffline(false);
    await waitUntilSynced(ana.page);
    await waitFor(async () => (await documentText(youssef.page)) === expected, { message: 'the edit at Morocco' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const participant of [ana, youssef]) expect(await documentText(participant.page)).toBe(expected);
    await Promise.all([ana.context.close(), youssef.context.close()]);
  });

  it('opens the document from the browser cache when reloaded offline', async () => {
    const [ana, youssef] = await twoDelegates();
    await ana.editor.click();
    await ana.page.keyboard.type('Kept in this browser.');
    await waitUntilSynced(ana.page);
    // The app shell is cached by the service worker once it controls the page.
    await ana.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });

    await ana.context.setOffline(true);
    await ana.page.reload();
    await ana.page.locator('.connection', { hasText: 'Offline — showing the copy kept on this device' }).waitFor();
    await waitFor(async () => (await documentText(ana.page)).includes('Kept in this browser.'), { message: 'cached text' });
    await ana.editor.click();
    await ana.page.keyboard.press('Control+End');
    await ana.page.keyboard.type(' Added offline after reload.');

    // Offline, the person reads it once: the connection line is the only place that says where the text comes from.
    expect(await ana.page.getByText('showing the copy kept on this device').count()).toBe(1);

    await ana.context.setOffline(false);
    await ana.page.locator('.connection', { hasText: 'Connected · all changes saved' }).waitFor();
    expect(await ana.page.getByText('showing the copy kept on this device').count()).toBe(0);
    expect(await ana.page.getByText('The server cannot be reached').count()).toBe(0);
    await waitFor(async () => (await documentText(youssef.page)).includes('Added offline after reload.'), { message: 'merged after reload' });
    await Promise.all([ana.context.close(), youssef.context.close()]);
  });
});
