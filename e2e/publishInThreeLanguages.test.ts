import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, addRecommendations, joinAs, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

// Issue 16's "done when": the workshop runs in English and publishes its agreed recommendations in English, French
// and Arabic, each reviewed against the final English, from Accord alone.

const e2e = useE2eSession();
let documentId: string;
let organiser: Participant;

const ENGLISH = ['Courts should publish their decisions.', 'Judges should receive training.'];
const TRANSLATIONS = {
  fr: ['Les tribunaux devraient publier leurs décisions.', 'Les juges devraient recevoir une formation.'],
  ar: ['ينبغي للمحاكم أن تنشر قراراتها.', 'ينبغي أن يتلقى القضاة تدريبًا.'],
} as const;
const REVISED = {
  fr: 'Les juges et les procureurs devraient recevoir une formation.',
  ar: 'ينبغي أن يتلقى القضاة والمدعون العامون تدريبًا.',
} as const;

const row = (page: Page, index: number) => page.locator('.side-by-side__row').nth(index);
const counts = (page: Page) => page.locator('.side-by-side-page .status-counts').textContent();

async function translatorOf(language: 'fr' | 'ar', name: string): Promise<Participant> {
  const invite = await e2e.server.api<{ url: string }>('POST', `/api/documents/${documentId}/invites`, { role: 'translator', delegation: 'Translators', language });
  return joinAs(e2e.browser, invite.url, name);
}

/** Replaces a row's translation with `text` and confirms it with the keyboard. */
async function translateRow(page: Page, index: number, text: string): Promise<void> {
  await row(page, index).locator('.side-by-side__editor').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await waitFor(async () => (await row(page, index).getAttribute('data-status')) === 'upToDate', { message: `row ${index + 1} confirmed` });
}

beforeAll(async () => {
  documentId = await e2e.server.createDocument('Outcome of the regional workshop');
  organiser = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'organiser', 'Secretariat')).url, 'Olga');
  await addRecommendations(organiser.page, ENGLISH);
  await waitUntilSynced(organiser.page);
});

describe('publishing in English, French and Arabic', () => {
  it('translates, reviews against the final English, and exports one three-column text', async () => {
    const { page } = organiser;
    await page.getByRole('button', { name: 'Languages' }).click();
    for (const [language, name] of [['fr', 'Français'], ['ar', 'العربية']]) {
      await page.getByLabel('Add a language version').selectOption(language!);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('link', { name: `${name} side by side` }).waitFor();
    }
    await page.keyboard.press('Escape');
    const french = await translatorOf('fr', 'Fanny');
    const arabic = await translatorOf('ar', 'Tariq');
    for (const [translator, language] of [[french, 'fr'], [arabic, 'ar']] as const) {
      await waitFor(async () => (await translator.page.locator('.side-by-side__row').count()) === 2, { message: `${language} rows` });
      for (const [index, text] of TRANSLATIONS[language].entries()) await translateRow(translator.page, index, text);
    }

    // The final English changes recommendation 2: both versions flag it, with the words that changed.
    await page.locator('.document .recommendation').nth(1).locator('p').click({ clickCount: 3 });
    await page.keyboard.type('Judges and prosecutors should receive training.');
    for (const translator of [french, arabic]) {
      await waitFor(async () => (await row(translator.page, 1).getAttribute('data-status')) === 'needsUpdate', { message: 'row 2 needs update' });
      await waitFor(async () => (await row(translator.page, 1).locator('.word-diff ins').textContent())?.includes('prosecutors'), { message: 'the diff' });
    }
    // The export menu warns before the versions are reviewed.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.locator('.export__panel').getByLabel('Text', { exact: true }).selectOption('en,fr,ar');
    await page.locator('.export__lagging').first().waitFor();
    await page.keyboard.press('Escape');

    await translateRow(french.page, 1, REVISED.fr);
    await translateRow(arabic.page, 1, REVISED.ar);
    expect(await counts(french.page)).toBe('FR 2 up to date · 0 need update · 0 untranslated');
    expect(await counts(arabic.page)).toBe('AR 2 up to date · 0 need update · 0 untranslated');

    // Reviewed: the final parallel text, in PDF and Word, from the organiser's Export menu.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.locator('.export__panel').getByLabel('Text', { exact: true }).selectOption('en,fr,ar');
    await waitFor(async () => (await page.locator('.export__lagging').count()) === 0, { message: 'no warning once reviewed' });
    const download = async (format: string) => {
      await page.getByRole('radio', { name: format, exact: true }).check();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
      const saved = `/tmp/i16-outcome-${documentId}.${format === 'PDF' ? 'pdf' : 'docx'}`;
      await file.saveAs(saved);
      return saved;
    };
    const pdf = await download('PDF');
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    const line = (words: string) => layout.split('\n').find((candidate) => candidate.includes(words)) ?? '';
    // Each recommendation's three languages side by side, on one line of the page.
    expect(line('Recommendation 2')).toContain('Recommandation 2');
    // pdftotext prints a right-to-left line in visual order: "2 التوصية".
    expect(line('Recommendation 2')).toMatch(/2 التوصية|التوصية 2/);
    expect(line('Courts should publish')).toContain('Les tribunaux devraient');
    expect(line('Courts should publish')).toContain('ينبغي للمحاكم أن تنشر');

    await page.getByRole('button', { name: 'Export' }).click();
    const docx = await JSZip.loadAsync(await fs.readFile(await download('Word (.docx)')));
    const xml = await docx.file('word/document.xml')!.async('string');
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    // The column headings and one table per recommendation: the new document's blank first paragraph makes no row.
    expect(tables).toHaveLength(3);
    const table = tables.find((candidate) => candidate.includes('prosecutors should receive'))!;
    const [english, frenchCell, arabicCell] = table.match(/<w:tc>.*?<\/w:tc>/gs)!;
    expect(english).toContain('Judges and prosecutors should receive training.');
    expect(frenchCell).toContain(REVISED.fr);
    expect(arabicCell).toContain(REVISED.ar);
    expect(arabicCell).toContain('<w:bidi/>');
  });
});
