import { describe, expect, it } from 'vitest';
import { documentText, joinAs } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';


const e2e = useE2eSession();

describe('who may write', () => {
  it('keeps an observer from typing', async () => {
    const documentId = await e2e.server.createDocument('Draft recommendations');
    const [spain, observers] = await Promise.all([
      e2e.server.invite(documentId, 'delegate', 'Spain'),
      e2e.server.invite(documentId, 'observer', 'Observers'),
    ]);
    const ana = await joinAs(e2e.browser, spain.url, 'Ana García');
    const olga = await joinAs(e2e.browser, observers.url, 'Olga Observer');
    await ana.editor.click();
    await ana.page.keyboard.type('Agreed text.');
    await waitFor(async () => (await documentText(olga.page)).includes('Agreed text.'), { message: 'observer sees the text' });

    expect(await olga.editor.getAttribute('contenteditable')).toBe('false');
    expect(await olga.page.getByRole('toolbar').count()).toBe(0);
    await olga.page.getByText('You are an observer').waitFor();
    await olga.page.locator('.document p', { hasText: 'Agreed text.' }).click();
    await olga.page.keyboard.type('Observer text');
    await olga.page.keyboard.press('Enter');

    // Ana types a marker after Olga's attempt: once it arrives at Olga's, anything Olga had changed would have too.
    await ana.page.keyboard.type(' Marker.');
    await waitFor(async () => (await documentText(olga.page)).includes('Marker.'), { message: 'marker at the observer' });
    expect(await documentText(olga.page)).not.toContain('Observer text');
    expect(await documentText(ana.page)).not.toContain('Observer text');
    await Promise.all([ana.context.close(), olga.context.close()]);
  });

  it('refuses a revoked link and disconnects the person using it', async () => {
    const documentId = await e2e.server.createDocument('Draft recommendations');
    const spain = await e2e.server.invite(documentId, 'delegate', 'Spain');
    const ana = await joinAs(e2e.browser, spain.url, 'Ana García');

    await e2e.server.revoke(documentId, spain.id);
    await ana.page.locator('.connection[data-status="closed"]', { hasText: 'revoked' }).waitFor({ timeout: 10_000 });
    expect(await ana.editor.getAttribute('contenteditable')).toBe('false');

    const stranger = await e2e.browser.newContext();
    const page = await stranger.newPage();
    await page.goto(spain.url);
    await page.getByRole('heading', { name: 'This invite link has been revoked' }).waitFor();
    expect(await page.getByLabel('Your name').count()).toBe(0);
    await Promise.all([ana.context.close(), stranger.close()]);
  });

  it('explains an unknown link instead of showing a blank page', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/join#not-a-real-token`);
    await page.getByRole('heading', { name: 'This invite link is not valid' }).waitFor();
    await context.close();
  });
});
