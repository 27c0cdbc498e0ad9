import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, joinAs, recommendationButton, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let documentId: string;
let delegate: Participant;

const shell = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** The direction the browser actually lays a paragraph out in, and the `dir` it was given. */
const paragraphDirection = (page: Page, text: string) =>
  page.locator('.document p', { hasText: text }).evaluate((paragraph) => ({ attribute: paragraph.getAttribute('dir'), computed: getComputedStyle(paragraph).direction }));

const pickLanguage = (page: Page, code: string) => page.locator('.app-header .language-switcher select').selectOption(code);

const e2e = useE2eSession();

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Draft recommendations');
  const invite = await e2e.server.invite(documentId, 'delegate', 'Spain');
  delegate = await joinAs(e2e.browser, invite.url, 'Lucía');
  await caretToEnd(delegate.page);
  await delegate.page.keyboard.type('The parties agree to exchange information.');
  await delegate.page.keyboard.press('Enter');
  await recommendationButton(delegate.page).click();
  await delegate.page.keyboard.type('Member States should designate contact points.');
  await waitUntilSynced(delegate.page);
});

describe('interface languages', () => {
  it('starts in English for an English browser', async () => {
    await expect(shell(delegate.page)).resolves.toEqual({ lang: 'en', dir: 'ltr' });
    await expect(delegate.page.getByRole('heading', { name: 'Comments' }).isVisible()).resolves.toBe(true);
  });

  it('switches to Arabic: the chrome mirrors, labels are Arabic, the English text stays left-to-right', async () => {
    const { page } = delegate;
    await pickLanguage(page, 'ar');
    await waitFor(async () => (await shell(page)).dir === 'rtl', { message: 'dir=rtl on the shell' });
    await expect(shell(page)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(page.getByRole('heading', { name: 'التعليقات' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('toolbar', { name: 'التنسيق' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.app-header').evaluate((header) => getComputedStyle(header).direction)).resolves.toBe('rtl');
    await expect(page.locator('.comments').evaluate((aside) => getComputedStyle(aside).direction)).resolves.toBe('rtl');

    // The document keeps the direction of its own text, block by block.
    await expect(paragraphDirection(page, 'The parties agree')).resolves.toEqual({ attribute: 'ltr', computed: 'ltr' });
    await expect(page.locator('.document').getAttribute('dir')).resolves.toBe('auto');
    // The interface language is not the text's: the document's language is left unknown rather than said to be Arabic.
    await expect(page.locator('.document').getAttribute('lang')).resolves.toBe('');
    await expect(page.locator('.document').getAttribute('aria-label')).resolves.toBe('نص الوثيقة');
    // The recommendation keeps its number; only the word is translated.
    await waitFor(async () => (await page.locator('section.recommendation').first().getAttribute('data-label')) === 'التوصية 1', {
      message: 'the Arabic recommendation label',
    });
  });

  it('remembers the choice on this browser across a reload', async () => {
    const { page } = delegate;
    await page.reload();
    await waitUntilSynced(page);
    await expect(shell(page)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(page.getByRole('heading', { name: 'التعليقات' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('section.recommendation').first().getAttribute('data-label')).resolves.toBe('التوصية 1');
  });

  it('exports the English text with English labels from an Arabic interface, Arabic labels when asked', async () => {
    const { page } = delegate;
    await page.getByRole('button', { name: 'تصدير' }).click();
    await page.getByLabel('Markdown').check();
    await page.getByLabel('النص فقط').check();
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'تنزيل' }).click()]);
      return fs.readFile(await file.path(), 'utf8');
    };
    // The labels follow the text's language: a Lebanese delegate exporting the English text gets "Recommendation".
    const textLanguage = await download();
    expect(textLanguage).toContain('**Recommendation 1**');
    expect(textLanguage).toContain('Member States should designate contact points.');
    expect(textLanguage).not.toContain('التوصية');
    // The label language is a choice of its own.
    await page.getByRole('button', { name: 'تصدير' }).click();
    await page.getByLabel('لغة العناوين').selectOption('ar');
    const arabicLabels = await download();
    expect(arabicLabels).toContain('**التوصية 1**');
    expect(arabicLabels).toContain('Member States should designate contact points.');
    expect(arabicLabels).not.toContain('Recommendation 1');
  });

  it('switches to French: left-to-right chrome with French labels', async () => {
    const { page } = delegate;
    await pickLanguage(page, 'fr');
    await waitFor(async () => (await shell(page)).lang === 'fr', { message: 'lang=fr on the shell' });
    await expect(shell(page)).resolves.toEqual({ lang: 'fr', dir: 'ltr' });
    await expect(page.getByRole('heading', { name: 'Commentaires' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Commenter la sélection' }).isVisible()).resolves.toBe(true);
    await expect(paragraphDirection(page, 'The parties agree')).resolves.toEqual({ attribute: 'ltr', computed: 'ltr' });
    await waitFor(async () => (await page.locator('section.recommendation').first().getAttribute('data-label')) === 'Recommandation 1', {
      message: 'the French recommendation label',
    });
    await pickLanguage(page, 'en');
    await waitFor(async () => (await shell(page)).lang === 'en', { message: 'back to English' });
  });

  it('defaults to the browser language on a first visit, on the join page too', async () => {
    const invite = await e2e.server.invite(documentId, 'delegate', 'Morocco');
    const context = await e2e.browser.newContext({ locale: 'ar-MA', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(invite.url);
    await page.getByLabel('اسمكم').waitFor();
    await expect(shell(page)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    // The title is isolated (FSI … PDI) so a Latin title keeps its own order inside the Arabic sentence.
    await expect(page.locator('h1').textContent()).resolves.toBe('الانضمام إلى «\u2068Draft recommendations\u2069»');

    // Picked on the join page, kept in the document.
    await page.locator('.language-switcher select').selectOption('fr');
    await page.getByLabel('Votre nom').fill('Yasmine');
    await page.getByRole('button', { name: 'Rejoindre le document' }).click();
    await page.waitForURL(/\/documents\//);
    await waitUntilSynced(page);
    await expect(shell(page)).resolves.toEqual({ lang: 'fr', dir: 'ltr' });
    await context.close();
  });

  it('formats comment times for the chosen language with Intl', async () => {
    const { page } = delegate;
    await pickLanguage(page, 'fr');
    // The whole paragraph, by a triple click: keys pressed at once after the click could reach the text before the
    // editor has taken the click's position after the reload above.
    await page.locator('.document p', { hasText: 'The parties agree' }).click({ clickCount: 3 });
    await page.getByRole('button', { name: 'Commenter la sélection' }).click();
    await page.getByLabel('Votre commentaire').fill('Préciser la nature des informations.');
    await page.getByRole('button', { name: 'Publier' }).click();
    const time = page.locator('.comment time').first();
    await time.waitFor();
    const [shown, expected] = await time.evaluate((element) => [
      element.textContent,
      new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(element.getAttribute('datetime')!)),
    ]);
    expect(shown).toBe(expected);
    await pickLanguage(page, 'en');
  });
});
