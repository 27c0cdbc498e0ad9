import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import jsQR from 'jsqr';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caretToEnd, documentText, waitUntilSynced } from './helpers/browser.ts';
import { onPostgres } from '../server/test/helpers/testServer.ts';
import { ORGANISER_TOKEN, startE2eServer } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

/**
 * A venue: delegates reach the organiser's laptop over plain http:// under a name, which is not a secure context.
 * Chromium resolves accord.test to the loopback server, so the pages run exactly as on http://<laptop-address>:PORT:
 * no `crypto.randomUUID`, no `navigator.clipboard`, no service worker.
 */
const VENUE_HOST = 'accord.test';

let origin: string;
/**
 * Uncaught errors and console errors and warnings of every page opened here: a missing secure-context API must never
 * throw, and nothing the server sends may make the browser complain (a Cross-Origin-Opener-Policy or
 * Origin-Agent-Cluster header it ignores over http). No test here provokes one on purpose.
 */
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

const e2e = useE2eSession({ chromiumArgs: [`--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`] });

beforeAll(async () => {
  origin = `http://${VENUE_HOST}:${e2e.server.port}`;
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors).toEqual([]);
});

/** `bypassCSP` only for the accessibility scan, whose axe-core is injected as an inline script. */
async function openPage({ bypassCSP = false } = {}): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true, bypassCSP });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`${page.url()}: console: ${message.text()}`);
  });
  return page;
}

/** The organiser signs in with the organiser link over the venue address and lands on their home. */
async function organiserHome(options?: { bypassCSP?: boolean }): Promise<Page> {
  const page = await openPage(options);
  await page.goto(`${origin}/organiser#${ORGANISER_TOKEN}`);
  await page.getByRole('heading', { name: 'Documents' }).waitFor();
  return page;
}

/** Someone opens an invite link on their own device, gives their name and waits for the document to sync. */
async function joinAtVenue(inviteUrl: string, name: string): Promise<Page> {
  const page = await openPage();
  await page.goto(inviteUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the document' }).click();
  await page.waitForURL(/\/documents\//);
  await waitUntilSynced(page);
  return page;
}

/** Reads the QR code drawn in `element` from a screenshot, as a phone camera would. */
async function decodeQr(element: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** axe-core's serious and critical violations (WCAG 2.x A/AA and best practices) in `selector`, as rule id → targets. */
async function seriousViolations(page: Page, selector: string): Promise<Record<string, string[]>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (scope) => {
    interface Violation {
      id: string;
      impact: string | null;
      nodes: { target: string[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: string, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(scope, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return Object.fromEntries(
      violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id, nodes }) => [id, nodes.map(({ target }) => target.join(' '))]),
    );
  }, selector);
}

/** Records what the page puts on the clipboard through the `copy` event (the execCommand fallback fires it). */
async function recordCopies(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const copies: string[] = [];
    (window as unknown as { venueCopies: string[] }).venueCopies = copies;
    document.addEventListener('copy', (event) => {
      const field = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement ? event.target : undefined;
      copies.push(field ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) : String(document.getSelection()));
    });
  });
  return () => page.evaluate(() => (window as unknown as { venueCopies: string[] }).venueCopies);
}

async function createDocument(page: Page, title: string): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
}

async function createInvite(page: Page, delegation: string, role: string): Promise<string> {
  await page.locator('form[aria-label="New invite link"] input[name="delegation"]').fill(delegation);
  await page.locator('form[aria-label="New invite link"] select[name="role"]').selectOption({ label: role });
  await page.getByRole('button', { name: 'Create link' }).click();
  await page.locator('.created-invite').getByText(`Invite link for ${delegation}`).waitFor();
  return page.locator('#created-invite-url').inputValue();
}

describe('at the venue, over plain http:// under the laptop’s name', () => {
  it('runs without secure-context APIs: address, copy and QR code of an invite, join, co-edit, comment', async () => {
    const organiser = await organiserHome();
    expect(
      await organiser.evaluate(() => ({
        secure: window.isSecureContext,
        clipboard: 'clipboard' in navigator,
        randomUUID: typeof crypto.randomUUID,
        serviceWorker: 'serviceWorker' in navigator,
      })),
    ).toEqual({ secure: false, clipboard: false, randomUUID: 'undefined', serviceWorker: false });

    // The address delegates must use, and why only this laptop can use it outside LAN mode.
    const venue = organiser.getByRole('region', { name: 'Venue' });
    await venue.getByRole('link', { name: origin }).waitFor();
    await venue.getByText('Only this computer can reach Accord').waitFor();

    await createDocument(organiser, 'Málaga recommendations');
    const spainUrl = await createInvite(organiser, 'Spain', 'Delegate');
    expect(spainUrl).toMatch(new RegExp(`^${origin.replaceAll('.', '\\.')}/join#.+`));

    // Copy: no async clipboard here, so the selection fallback does it.
    const copies = await recordCopies(organiser);
    await organiser.locator('.created-invite').getByRole('button', { name: 'Copy link' }).click();
    await organiser.locator('.created-invite').getByRole('button', { name: 'Copied' }).waitFor();
    expect(await copies()).toEqual([spainUrl]);
    // And it is on the clipboard: pasting it back gives the link.
    const field = organiser.getByLabel('Title', { exact: true });
    await field.focus();
    await organiser.keyboard.press('Control+V');
    expect(await field.inputValue()).toBe(spainUrl);
    await field.fill('');

    // The QR code beside the link, and large on the full-screen view, both decode to the link.
    expect(await decodeQr(organiser.locator('.created-invite__code'))).toBe(spainUrl);
    await organiser.getByRole('button', { name: 'Show QR code' }).click();
    const view = organiser.getByRole('dialog', { name: 'Spain · Delegate' });
    await view.waitFor();
    const code = view.getByRole('img', { name: 'QR code of the invite link for Spain (Delegate)' });
    const box = (await code.boundingBox())!;
    expect(box.height).toBeGreaterThan(500);
    await organiser.screenshot({ path: '/tmp/venue-qr-view.png' });
    expect(await decodeQr(code)).toBe(spainUrl);
    await view.getByRole('button', { name: 'Copy link' }).click();
    await view.getByRole('button', { name: 'Copied' }).waitFor();
    expect((await copies()).at(-1)).toBe(spainUrl);
    await organiser.keyboard.press('Escape');
    await view.waitFor({ state: 'hidden' });
    await organiser.screenshot({ path: '/tmp/venue-organiser-home.png', fullPage: true });

    const franceUrl = await createInvite(organiser, 'France', 'Delegate');

    // Two delegates on their own devices, through the links the organiser handed out.
    const ana = await joinAtVenue(spainUrl, 'Ana García');
    const blaise = await joinAtVenue(franceUrl, 'Blaise Martin');
    await caretToEnd(ana);
    await ana.keyboard.type('The parties shall share evidence promptly.');
    await waitFor(async () => (await documentText(blaise)).includes('share evidence promptly'), { message: 'Blaise sees Ana’s text' });
    await caretToEnd(blaise);
    await blaise.keyboard.type(' Agreed.');
    await waitFor(async () => {
      const [atAna, atBlaise] = await Promise.all([documentText(ana), documentText(blaise)]);
      return atAna === atBlaise && atAna.includes('promptly. Agreed.');
    }, { message: 'both pages converge' });

    // A comment thread, posted over the same origin and seen by the other delegate.
    await ana.locator('.document p', { hasText: 'share evidence' }).dblclick();
    await ana.getByRole('button', { name: 'Comment on selection' }).click();
    await ana.getByLabel('Your comment').fill('Which evidence?');
    await ana.getByRole('button', { name: 'Post', exact: true }).click();
    await blaise.locator('.thread', { hasText: 'Which evidence?' }).waitFor();
    await ana.screenshot({ path: '/tmp/venue-delegate.png' });
  });

  it('prints one invite card per delegation, each QR code opening the join page', async () => {
    const organiser = await organiserHome();
    await createDocument(organiser, 'Draft for print');
    await createInvite(organiser, 'Spain', 'Delegate');

    await organiser.getByRole('button', { name: 'Print invite cards…' }).click();
    const form = organiser.getByRole('form', { name: 'Printable invite cards' });
    // The delegation that already has a link is offered; two more are added.
    expect(await form.getByLabel('Delegation of card 1').inputValue()).toBe('Spain');
    await form.getByRole('button', { name: 'Add a delegation' }).click();
    await form.getByLabel('Delegation of card 2').fill('France');
    await form.getByRole('button', { name: 'Add a delegation' }).click();
    await form.getByLabel('Delegation of card 3').fill('Observers');
    await form.getByLabel('Role of card 3').selectOption({ label: 'Observer' });
    await form.getByRole('button', { name: 'Add a delegation' }).click();
    await form.getByLabel('Delegation of card 4').fill('Not printed');
    await form.getByLabel('Print card 4').uncheck();
    await organiser.screenshot({ path: '/tmp/venue-sheet-form.png', fullPage: true });
    await form.getByRole('button', { name: 'Create 3 cards' }).click();

    const sheet = organiser.getByRole('region', { name: '3 invite cards' });
    await sheet.waitFor();
    const cards = sheet.locator('.invite-card');
    expect(await cards.count()).toBe(3);
    const printed = await cards.evaluateAll((items) =>
      items.map((item) => ({
        delegation: item.querySelector('.invite-card__delegation')!.textContent,
        role: item.querySelector('.invite-card__role')!.textContent,
        document: item.querySelector('.invite-card__document')!.textContent,
        url: item.querySelector('.invite-card__url')!.textContent!,
      })),
    );
    expect(printed.map(({ delegation, role, document }) => [delegation, role, document])).toEqual([
      ['Spain', 'Delegate', 'Draft for print'],
      ['France', 'Delegate', 'Draft for print'],
      ['Observers', 'Observer', 'Draft for print'],
    ]);
    await organiser.screenshot({ path: '/tmp/venue-sheet-screen.png', fullPage: true });

    // On paper: only the cards, each with a QR code that decodes to its own link.
    await organiser.emulateMedia({ media: 'print' });
    expect(await organiser.locator('#root').isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: 'Show QR code' }).first().isVisible()).toBe(false);
    // Two cards across the page, so four fit on a sheet of A4.
    const [first, second] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
    expect(second!.y).toBe(first!.y);
    await organiser.screenshot({ path: '/tmp/venue-sheet-print.png', fullPage: true });
    for (const [index, card] of printed.entries()) {
      expect(await decodeQr(cards.nth(index).locator('.invite-card__code'))).toBe(card.url);
    }
    // Chromium's own print to A4: two rows of two cards fit on a page, so three cards take one.
    const pdf = (await organiser.pdf({ format: 'A4', path: '/tmp/venue-sheet.pdf' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await organiser.emulateMedia({ media: 'screen' });

    // Scanning the observers' card opens the join page for that delegation and role.
    const scanned = (await decodeQr(cards.nth(2).locator('.invite-card__code')))!;
    const phone = await openPage();
    await phone.goto(scanned);
    await phone.getByText('You are invited as Observer of the delegation Observers.').waitFor();

    // The sheet's links were added to the document's invites.
    organiser.once('dialog', (dialog) => void dialog.accept());
    await sheet.getByRole('button', { name: 'Back to the document' }).click();
    await sheet.waitFor({ state: 'detached' });
    expect(await organiser.locator('table.invites tbody tr').count()).toBe(4);
  });

  it('keeps the venue screens accessible: address strip, QR view, card chooser, invite sheet', async () => {
    const organiser = await organiserHome({ bypassCSP: true });
    await createDocument(organiser, 'Accessible draft');
    await createInvite(organiser, 'Spain', 'Delegate');
    expect(await seriousViolations(organiser, 'main')).toEqual({});

    await organiser.getByRole('button', { name: 'Show QR code' }).click();
    await organiser.getByRole('dialog').waitFor();
    expect(await seriousViolations(organiser, '.qr-view')).toEqual({});
    await organiser.keyboard.press('Escape');

    await organiser.getByRole('button', { name: 'Print invite cards…' }).click();
    expect(await seriousViolations(organiser, '.invite-sheet-form')).toEqual({});
    await organiser.getByRole('button', { name: 'Create 1 card' }).click();
    await organiser.locator('.invite-card').waitFor();
    expect(await seriousViolations(organiser, '.invite-sheet')).toEqual({});
  });

  it.skipIf(onPostgres)('downloads a backup that is a SQLite database', async () => {
    const organiser = await organiserHome();
    const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('link', { name: 'Download backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.sqlite$/);
    const file = await download.path();
    const header = fs.readFileSync(file).subarray(0, 16).toString('latin1');
    expect(header).toBe('SQLite format 3\u0000');
  });

  it.runIf(onPostgres)('says that a PostgreSQL Accord is backed up with pg_dump, offering no download', async () => {
    const organiser = await organiserHome();
    await organiser.getByText('which its operators back up (pg_dump)', { exact: false }).waitFor();
    expect(await organiser.getByRole('link', { name: 'Download backup' }).count()).toBe(0);
  });
});

describe('in LAN mode', () => {
  /** The machine's own network address, as LAN mode finds it; CI machines without a network skip this. */
  const lanHost = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  // Tests send traffic to loopback only: the server listens on 127.0.0.1 and the pages use the venue name mapped to it,
  // while LAN mode still puts the machine's network address in everything delegates are given.
  it.skipIf(!lanHost)('shows the network address without a warning, and invite links and QR codes point there', async () => {
    const lan = await startE2eServer({ ACCORD_LAN: 'true', HOST: '127.0.0.1' });
    const lanOrigin = `http://${VENUE_HOST}:${lan.port}`;
    try {
      expect(lan.publicUrl).toBe(`http://${lanHost}:${lan.port}`);
      const organiser = await openPage();
      await organiser.goto(`${lanOrigin}/organiser#${ORGANISER_TOKEN}`);
      const venue = organiser.getByRole('region', { name: 'Venue' });
      await venue.getByRole('link', { name: lan.publicUrl }).waitFor();
      await venue.getByText('Invite links point to this address').waitFor();
      expect(await venue.getByText('Only this computer can reach Accord').count()).toBe(0);

      await createDocument(organiser, 'LAN draft');
      const url = await createInvite(organiser, 'Spain', 'Delegate');
      expect(url.startsWith(`${lan.publicUrl}/join#`)).toBe(true);
      expect(await decodeQr(organiser.locator('.created-invite__code'))).toBe(url);

      const ana = await joinAtVenue(url.replace(lan.publicUrl, lanOrigin), 'Ana García');
      expect(await ana.evaluate(() => window.isSecureContext)).toBe(false);
      await caretToEnd(ana);
      await ana.keyboard.type('Typed over the venue network.');
      await waitUntilSynced(ana);
    } finally {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await lan.close();
    }
  });
});
