import { describe, expect, it } from 'vitest';
import { joinAs } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';


const HOSTILE_HTML = [
  '<p>Safe <a href="https://www.eurojust.europa.eu/">EUROJUST</a> and <a href="mailto:secretariat@example.org">mail</a>.</p>',
  '<p>Bad <a href="javascript:window.pwned=1">click me</a> and <a href=" JaVaScRiPt:window.pwned=2">again</a>.</p>',
  '<img src="x" onerror="window.pwned=3"><p onclick="window.pwned=4">Clickable?</p>',
].join('');

const e2e = useE2eSession();

describe('pasting into the editor', () => {
  it('keeps http, https and mailto links and leaves nothing that runs', async () => {
    const documentId = await e2e.server.createDocument('Paste');
    const invite = await e2e.server.invite(documentId, 'delegate', 'France');
    const claire = await joinAs(e2e.browser, invite.url, 'Claire Martin');
    await claire.editor.click();
    await claire.page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'fallback');
      document.querySelector('.document')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, HOSTILE_HTML);
    await claire.page.locator('.document', { hasText: 'Clickable?' }).waitFor();
    await claire.page.locator('.document p', { hasText: 'Clickable?' }).click();

    const hrefs = await claire.page.locator('.document a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['https://www.eurojust.europa.eu/', 'mailto:secretariat@example.org']);
    expect(await claire.page.locator('.document [onerror], .document [onclick], .document img').count()).toBe(0);
    expect(await claire.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await claire.context.close();
  });
});
