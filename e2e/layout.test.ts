import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ar from '../client/src/i18n/ar.json';
import en from '../client/src/i18n/en.json';
import { LANGUAGE_STORAGE_KEY } from '../client/src/i18n/languages.ts';
import { documentText, waitUntilSynced } from './helpers/browser.ts';
import { ORGANISER_TOKEN } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

// A delegate on a phone or a tablet, in English and in Arabic: joins through the invite link, types, selects words by
// touch and comments, opens every panel, and the page never scrolls sideways. Screenshots of each screen are kept in
// test-artifacts/layout (not committed) for a person to look at.

const ARTIFACTS = path.resolve('test-artifacts/layout');
const e2e = useE2eSession();

const DEVICES = [
  { device: 'phone', width: 390, height: 844 },
  { device: 'tablet', width: 768, height: 1024 },
] as const;
const PANELS = ['comments', 'proposals', 'compilation', 'status', 'participants'] as const;
type Language = 'en' | 'ar';

function message(language: Language, key: string): string {
  let node: unknown = { en, ar }[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as string;
}

async function openContext(width: number, height: number, language: Language, mobile = true): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile });
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_STORAGE_KEY, language] as const);
  return context;
}

/** The page is no wider than the screen: nothing to scroll sideways. */
async function horizontalOverflow(page: Page, width: number): Promise<number> {
  return page.evaluate((screenWidth) => document.documentElement.scrollWidth - screenWidth, width);
}

/** Every visible element of `selector` lies within the screen's width. */
async function outsideScreen(page: Page, selector: string, width: number): Promise<string[]> {
  return page.locator(selector).evaluateAll(
    (elements, screenWidth) =>
      elements
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.left < -1 || box.right > screenWidth + 1)
        .map(({ element, box }) => `${element.className} ${Math.round(box.left)}..${Math.round(box.right)}`),
    width,
  );
}

/** Selects `words` in the text as a finger's selection handles do: a DOM selection that the editor follows. */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.locator('.document').evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the text`);
  }, words);
}

/** Pulls a phone's sheet down by its handle with a finger. */
async function swipeDown(context: BrowserContext, page: Page, panel: string): Promise<void> {
  const box = (await page.locator(`#panel-${panel} .side-panel__bar`).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  // The finger comes to rest before it lifts: no fling for the page to carry on with.
  for (const step of [30, 80, 140, 140, 140]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + step }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe.each(DEVICES)('a delegate on a $device ($width×$height)', ({ device, width, height }) => {
  it.each(['en', 'ar'] as const)('joins, types, comments by touch and opens every panel (%s)', async (language) => {
    const t = (key: string) => message(language, key);
    const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${device}-${language}-${name}.png`) });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const documentId = await e2e.server.createDocument('Draft recommendations of the Expert Workshop on Battlefield Evidence');
    const invite = await e2e.server.invite(documentId, 'delegate', 'Spain');
    const context = await openContext(width, height, language);
    const page = await context.newPage();

    await page.goto(invite.url);
    await page.getByLabel(t('join.nameLabel')).fill('Ana García Fernández');
    await shot('join');
    await page.getByRole('button', { name: t('join.submit') }).tap();
    await page.waitForURL(/\/documents\//);
    await waitUntilSynced(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');

    await page.locator('.document').tap();
    await page.keyboard.type('Prosecutors should make early use of coordination meetings.');
    await waitUntilSynced(page);
    expect(await documentText(page)).toContain('early use of coordination');
    expect(await horizontalOverflow(page, width)).toBeLessThanOrEqual(0);
    const textBox = (await page.locator('.document').boundingBox())!;
    if (device === 'phone') expect(textBox.width).toBeGreaterThan(width - 40);
    await shot('editor');

    // Comment on words selected by touch.
    await selectWords(page, 'coordination meetings');
    await page.locator('.panel-rail__button[data-panel="comments"]').tap();
    const add = page.getByRole('button', { name: t('comments.add') });
    await waitFor(() => add.isEnabled(), { message: 'the selection reaches the comment button' });
    await add.tap();
    await page.getByLabel(t('comments.bodyLabel')).fill('Which meetings?');
    await page.getByLabel(t('comments.visibility.delegation')).tap();
    await shot('composer');
    expect(await outsideScreen(page, '.new-thread__visibility label', width)).toEqual([]);
    await page.getByRole('button', { name: t('comments.post'), exact: true }).tap();
    const card = page.locator('.thread', { hasText: 'Which meetings?' });
    await card.waitFor();
    expect(await card.locator('.thread__quote').textContent()).toBe('coordination meetings');
    await expect(card.getByRole('button', { name: t('comments.reply'), exact: true }).isVisible()).resolves.toBe(true);

    // Each panel, one at a time, over the text and within the screen; closed by its button, Escape or a swipe.
    for (const panel of PANELS) {
      const button = page.locator(`.panel-rail__button[data-panel="${panel}"]`);
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.tap();
      const sheet = page.locator(`#panel-${panel}`);
      await sheet.waitFor();
      expect(await page.locator('.side-panel:not([hidden])').count()).toBe(1);
      expect(await outsideScreen(page, `#panel-${panel}, #panel-${panel} *`, width)).toEqual([]);
      expect(await horizontalOverflow(page, width)).toBeLessThanOrEqual(0);
      const box = (await sheet.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
      await shot(`panel-${panel}`);
      if (panel === 'proposals') await page.keyboard.press('Escape');
      else await sheet.getByRole('button', { name: t('panels.close').replace('{{panel}}', t(`panels.${panel}`)) }).tap();
      await sheet.waitFor({ state: 'hidden' });
    }

    // Tools that do not fit the phone's toolbar are one tap away.
    if (device === 'phone') {
      await page.getByRole('button', { name: t('toolbar.more') }).tap();
      await page.getByRole('combobox', { name: t('toolbar.blockType') }).waitFor();
      expect(await outsideScreen(page, '.toolbar *', width)).toEqual([]);
      await shot('toolbar-more');
      await page.locator('.document').tap();
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: t('toolbar.blockType') }).waitFor({ state: 'detached' });

      // Last, as a tap right after a synthetic swipe may be taken for the end of that gesture.
      await page.locator('.panel-rail__button[data-panel="status"]').tap();
      await page.locator('#panel-status').waitFor();
      await swipeDown(context, page, 'status');
      await page.locator('#panel-status').waitFor({ state: 'hidden' });
    }
    expect(await horizontalOverflow(page, width)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

/**
 * Where the open menu `selector` is: its box, whether it lies within the screen, and whether it is what a finger at its
 * centre would touch (drawn above any panel).
 */
async function menuPlacement(page: Page, selector: string): Promise<{ inside: boolean; onTop: boolean; box: number[] }> {
  return page.locator(selector).evaluate((menu) => {
    const box = menu.getBoundingClientRect();
    const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      onTop: menu.contains(centre),
      box: [box.left, box.top, box.right, box.bottom].map(Math.round),
    };
  });
}

describe('the header menus', () => {
  it.each(['en', 'ar'] as const)('open within the screen and above an open panel (%s)', async (language) => {
    const t = (key: string) => message(language, key);
    const documentId = await e2e.server.createDocument('Draft recommendations of the Expert Workshop on Battlefield Evidence');
    await e2e.server.api('POST', `/api/documents/${documentId}/languages`, { language: 'fr' });
    const invite = await e2e.server.invite(documentId, 'delegate', 'Morocco');
    const context = await openContext(768, 1024, language, false);
    const page = await context.newPage();
    await page.goto(invite.url);
    await page.getByLabel(t('join.nameLabel')).fill('Youssef Amrani');
    await page.getByRole('button', { name: t('join.submit') }).click();
    await waitUntilSynced(page);
    const exportButton = page.getByRole('button', { name: t('export.open') });
    const languagesButton = page.getByRole('button', { name: t('languageVersions.menu') });
    const placements: Record<string, Awaited<ReturnType<typeof menuPlacement>>> = {};

    for (const [width, height] of [[768, 1024], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.locator('.panel-rail__button[data-panel="participants"]').click();
      await page.locator('#panel-participants').waitFor();
      await exportButton.click();
      placements[`${width} export`] = await menuPlacement(page, '.export__panel');
      await exportButton.click();
      await languagesButton.click();
      placements[`${width} languages`] = await menuPlacement(page, '.languages-menu__panel');
      // A tap elsewhere closes it, as it does the Export menu.
      await page.locator('.app-header__title').click();
      await page.locator('.languages-menu__panel').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await page.locator('#panel-participants').waitFor({ state: 'hidden' });
    }

    // A laptop's short screen: the export options scroll, the download link stays in reach.
    await page.setViewportSize({ width: 1280, height: 720 });
    await exportButton.click();
    placements['1280 export'] = await menuPlacement(page, '.export__panel');
    placements['1280 download'] = await menuPlacement(page, '.export__download');
    const misplaced = Object.entries(placements).filter(([, { inside, onTop }]) => !inside || !onTop);
    expect(misplaced).toEqual([]);
    await context.close();
  });
});

describe('every width from 360 to 1920 px', () => {
  it.each(['en', 'ar'] as const)('never scrolls sideways (%s)', async (language) => {
    const documentId = await e2e.server.createDocument('Draft recommendations of the Expert Workshop on Battlefield Evidence');
    const invite = await e2e.server.invite(documentId, 'delegate', 'Spain');
    const context = await openContext(1280, 800, language, false);
    const page = await context.newPage();
    await page.goto(invite.url);
    await page.getByLabel(message(language, 'join.nameLabel')).fill('Ana García Fernández');
    await page.getByRole('button', { name: message(language, 'join.submit') }).click();
    await waitUntilSynced(page);
    const overflowing: string[] = [];
    for (let width = 360; width <= 1920; width += 40) {
      await page.setViewportSize({ width, height: 800 });
      for (const panel of [null, ...PANELS]) {
        if (panel) {
          const button = page.locator(`.panel-rail__button[data-panel="${panel}"]`);
          if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        }
        const excess = await horizontalOverflow(page, width);
        if (excess > 0) overflowing.push(`${width}px ${panel ?? 'no panel'}: ${excess}px too wide`);
      }
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it.each(['en', 'ar'] as const)('never scrolls sideways on the organiser home, its invite table included (%s)', async (language) => {
    const documentId = await e2e.server.createDocument('Draft recommendations of the Expert Workshop on Battlefield Evidence');
    for (const delegation of ['Spain', 'Morocco', 'EUROJUST']) await e2e.server.invite(documentId, 'delegate', delegation);
    const context = await openContext(390, 844, language);
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/organiser#${ORGANISER_TOKEN}`);
    await page.locator('table.invites').waitFor();
    const overflowing: string[] = [];
    for (let width = 360; width <= 1920; width += 80) {
      await page.setViewportSize({ width, height: 844 });
      const excess = await horizontalOverflow(page, width);
      if (excess > 0) overflowing.push(`${width}px: ${excess}px too wide`);
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it('gives the text at least 680 px at 1280 wide with a panel open', async () => {
    const documentId = await e2e.server.createDocument('Draft');
    const invite = await e2e.server.invite(documentId, 'delegate', 'Spain');
    const context = await openContext(1280, 800, 'en', false);
    const page = await context.newPage();
    await page.goto(invite.url);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Join the document' }).click();
    await waitUntilSynced(page);
    expect(await page.locator('#panel-comments').isVisible()).toBe(true);
    expect((await page.locator('.document').boundingBox())!.width).toBeGreaterThanOrEqual(680);
    await page.screenshot({ path: path.join(ARTIFACTS, 'laptop-en-editor.png') });
    await context.close();
  });
});
