import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntilSynced } from './helpers/browser.ts';
import { ORGANISER_TOKEN } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

const e2e = useE2eSession();

async function organiserHome(): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/organiser#${ORGANISER_TOKEN}`);
  await page.getByRole('heading', { name: 'Documents' }).waitFor();
  return page;
}

const row = (page: Page, delegation: string) => page.locator('table.invites tbody tr', { hasText: delegation });
const cells = async (page: Page, delegation: string) => (await row(page, delegation).locator('td').allTextContents()).map((text) => text.trim());

describe('the organiser’s desk', () => {
  it('tells invite rows apart (made when and by whom, link, QR or card sheet N, last used) and revokes a whole sheet', async () => {
    const organiser = await organiserHome();
    await organiser.locator('form:has(button:text-is("Create"))').getByLabel('Title').fill('Desk e2e');
    await organiser.getByRole('button', { name: 'Create', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Desk e2e', level: 2 }).waitFor();

    // A link, then shown as a QR code.
    await organiser.locator('form[aria-label="New invite link"] input[name="delegation"]').fill('Spain');
    await organiser.getByRole('button', { name: 'Create link' }).click();
    await organiser.locator('.created-invite').getByText('Invite link for Spain').waitFor();
    await waitFor(async () => (await cells(organiser, 'Spain'))[4] === 'Link', { message: 'Spain handed out as a link' });
    await organiser.locator('.created-invite').getByRole('button', { name: 'Show QR code' }).click();
    await organiser.keyboard.press('Escape');
    await waitFor(async () => (await cells(organiser, 'Spain'))[4] === 'QR code', { message: 'Spain shown as a QR code' });
    const spainUrl = await organiser.locator('#created-invite-url').inputValue();

    // The next link does not hide Spain's: it stays listed, with its copy button, for as long as the page is open.
    await organiser.locator('form[aria-label="New invite link"] input[name="delegation"]').fill('Jordan');
    await organiser.getByRole('button', { name: 'Create link' }).click();
    await organiser.locator('.created-invite').getByText('Invite link for Jordan').waitFor();
    const earlier = organiser.getByRole('region', { name: /Earlier links made during this visit/ });
    expect(await earlier.getByLabel('Invite link for Spain (Delegate)').inputValue()).toBe(spainUrl);
    expect(await earlier.getByRole('button', { name: 'Copy link' }).count()).toBe(1);

    // A sheet of two cards.
    await organiser.getByRole('button', { name: 'Print invite cards…' }).click();
    const form = organiser.getByRole('form', { name: 'Printable invite cards' });
    await form.getByLabel('Delegation of card 1').fill('France');
    await form.getByRole('button', { name: 'Add a delegation' }).click();
    await form.getByLabel('Delegation of card 2').fill('Morocco');
    await form.getByRole('button', { name: 'Create 2 cards' }).click();
    const sheet = organiser.getByRole('region', { name: '2 invite cards' });
    const franceUrl = (await sheet.locator('.invite-card', { hasText: 'France' }).locator('.invite-card__url').textContent())!;
    organiser.once('dialog', (dialog) => void dialog.accept());
    await sheet.getByRole('button', { name: 'Back to the document' }).click();
    await sheet.waitFor({ state: 'detached' });

    const france = await cells(organiser, 'France');
    expect(france.slice(4)).toEqual(['Card sheet 1', 'Never', 'Active', 'Revoke']);
    expect(france[3]).toMatch(/ by Organiser$/);

    // France's card is used: its row says when.
    const phoneContext = await e2e.browser.newContext();
    const phone = await phoneContext.newPage();
    await phone.goto(franceUrl);
    await phone.getByLabel('Your name').fill('Blaise');
    await phone.getByRole('button', { name: 'Join the document' }).click();
    await phone.waitForURL(/\/documents\//);
    await waitUntilSynced(phone);
    await organiser.reload();
    await organiser.getByRole('heading', { name: 'Desk e2e', level: 2 }).waitFor();
    await waitFor(async () => (await cells(organiser, 'France'))[5] !== 'Never', { message: 'France last used' });
    expect((await cells(organiser, 'Morocco'))[5]).toBe('Never');
    await organiser.screenshot({ path: '/tmp/desk-invites.png', fullPage: true });

    // The sheet is left on a table: revoke it at once; the member on that card is signed out; Spain's link stays.
    organiser.once('dialog', (dialog) => void dialog.accept());
    await organiser.getByRole('button', { name: 'Revoke card sheet 1' }).click();
    await waitFor(async () => (await cells(organiser, 'France'))[6] === 'Revoked' && (await cells(organiser, 'Morocco'))[6] === 'Revoked', {
      message: 'both cards revoked',
    });
    expect((await cells(organiser, 'Spain'))[6]).toBe('Active');
    expect(await organiser.getByRole('button', { name: 'Revoke card sheet 1' }).count()).toBe(0);
    await phone.getByText('Your invite link was revoked', { exact: false }).first().waitFor();
    await phoneContext.close();
    await organiser.context().close();
  });

  it('offers a translator only the document’s language versions, says how to add one, names it in the row', async () => {
    const organiser = await organiserHome();
    await organiser.locator('form:has(button:text-is("Create"))').getByLabel('Title').fill('Translators e2e');
    await organiser.getByRole('button', { name: 'Create', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Translators e2e', level: 2 }).waitFor();
    const form = organiser.getByRole('form', { name: 'New invite link' });
    await form.locator('input[name="delegation"]').fill('Translators');
    await form.getByLabel('Role').selectOption('translator');
    await form.getByText('This document has no language version to translate yet. Open it and add one under Languages first.').waitFor();
    expect(await form.getByLabel('Language translated').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Create link' }).isDisabled()).toBe(true);

    const documents = await e2e.server.api<{ documents: { id: string; title: string }[] }>('GET', '/api/documents');
    const documentId = documents.documents.find((document) => document.title === 'Translators e2e')!.id;
    await e2e.server.api('POST', `/api/documents/${documentId}/languages`, { language: 'fr' });
    await organiser.reload();
    await organiser.locator('.document-list__item', { hasText: 'Translators e2e' }).click();
    await organiser.getByRole('heading', { name: 'Translators e2e', level: 2 }).waitFor();
    await form.locator('input[name="delegation"]').fill('Translators');
    await form.getByLabel('Role').selectOption('translator');
    expect(await form.getByLabel('Language translated').locator('option').allTextContents()).toEqual(['Français']);
    await form.getByRole('button', { name: 'Create link' }).click();
    await organiser.locator('.created-invite').getByText('Invite link for Translators').waitFor();
    // The row says which language this translator's link is for.
    await waitFor(async () => (await cells(organiser, 'Translators'))[1] === 'Translator · Français', { message: 'the row names the language' });
    await organiser.context().close();
  });

  it('warns that cards pointing to 127.0.0.1 cannot be opened by phones, and prints them in the language chosen', async () => {
    const organiser = await organiserHome();
    await organiser.locator('form:has(button:text-is("Create"))').getByLabel('Title').fill('Cards e2e');
    await organiser.getByRole('button', { name: 'Create', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Cards e2e', level: 2 }).waitFor();
    await organiser.getByRole('button', { name: 'Print invite cards…' }).click();
    const form = organiser.getByRole('form', { name: 'Printable invite cards' });
    await form.getByLabel('Delegation of card 1').fill('Jordan');
    await form.getByRole('button', { name: 'Create 1 card' }).click();
    const sheet = organiser.getByRole('region', { name: '1 invite card' });
    await sheet.getByRole('alert').getByText('These links point to this computer (127.0.0.1)').waitFor();

    await sheet.getByLabel('Language of the cards').selectOption('ar');
    const card = sheet.locator('.invite-card');
    await sheet.locator('.invite-card[lang="ar"]').waitFor();
    expect(await card.getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.invite-card__role').textContent()).toBe('مندوب');
    // The organiser's own screen stays in English.
    expect(await sheet.getByRole('button', { name: 'Print' }).count()).toBe(1);
    await organiser.screenshot({ path: '/tmp/desk-cards-ar.png', fullPage: true });
    await organiser.emulateMedia({ media: 'print' });
    expect(await sheet.getByRole('alert').isVisible()).toBe(false);
    await organiser.emulateMedia({ media: 'screen' });
    await organiser.context().close();
  });
});
