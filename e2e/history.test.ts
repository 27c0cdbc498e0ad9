import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, documentText, joinAs, recommendationButton, waitUntilSynced, selectWords } from './helpers/browser.ts';
import { ORGANISER_TOKEN } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

const TITLE = 'History e2e';
const FIRST = 'Member States shall promptly share digital evidence.';
const SECOND = 'Parties should review progress every year.';

let documentId: string;
let organiser: Participant;
let rapporteur: Participant;
let delegate: Participant;


/** The text the server has stored, as Markdown (export reads the stored Yjs state). */
/** The stored text as exported, without the title block's "Current text · <time>" line, which changes every minute. */
async function serverText(): Promise<string> {
  const response = await fetch(`${e2e.server.url}/api/documents/${documentId}/export?format=md`, {
    headers: { authorization: `Bearer ${ORGANISER_TOKEN}` },
  });
  const markdown = await response.text();
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('*Current text ·'))
    .join('\n');
}

const history = (page: Page) => page.getByRole('dialog', { name: 'History' });

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await history(page).locator('.history__side .card-list, .history__side > p').first().waitFor();
}

const editable = (participant: Participant) => participant.page.locator('.editor-main .document').getAttribute('contenteditable');

const e2e = useE2eSession();

beforeAll(async () => {
  documentId = await e2e.server.createDocument(TITLE);
  organiser = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'organiser', 'Secretariat')).url, 'Olga');
  rapporteur = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  delegate = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  await caretToEnd(delegate.page);
  await delegate.page.keyboard.type('Judicial cooperation');
  await delegate.page.keyboard.press('Enter');
  for (const text of [FIRST, SECOND]) {
    await delegate.page.keyboard.type(text);
    await recommendationButton(delegate.page).click();
    await caretToEnd(delegate.page);
  }
  await waitUntilSynced(delegate.page);
  await waitFor(async () => (await serverText()).includes(SECOND), { message: 'the text on the server' });
});

describe('versions, compare, restore, freeze and export in the browser', () => {
  it('lets the rapporteur save a named version', async () => {
    const { page } = rapporteur;
    await openHistory(page);
    await history(page).getByLabel('Version name').fill('After session 2');
    await history(page).getByRole('button', { name: 'Save version' }).click();
    const item = history(page).locator('.version', { hasText: 'After session 2' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Rita · Chair');
    expect(await history(page).getByRole('status').textContent()).toContain('Saved “After session 2”');
  });

  it('hides Save, Restore and Freeze from a delegate, who can still view versions', async () => {
    const { page } = delegate;
    expect(await page.getByRole('button', { name: 'Freeze' }).count()).toBe(0);
    await openHistory(page);
    await history(page).getByRole('button', { name: 'View After session 2' }).waitFor();
    expect(await history(page).getByLabel('Version name').count()).toBe(0);
    expect(await history(page).getByRole('button', { name: /^Restore/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await history(page).waitFor({ state: 'hidden' });
  });

  it('compares the saved version with the delegate’s edit: words highlighted, the recommendation listed', async () => {
    await selectWords(delegate.page, 'promptly', { editor: '.editor-main .document' });
    await delegate.page.keyboard.type('swiftly');
    await waitUntilSynced(delegate.page);
    await waitFor(async () => (await serverText()).includes('swiftly'), { message: 'the edit on the server' });

    const dialog = history(rapporteur.page);
    await dialog.getByRole('button', { name: 'View After session 2' }).click();
    const version = dialog.locator('.document--version');
    await version.locator('section.recommendation', { hasText: 'promptly' }).waitFor();
    expect(await version.getAttribute('contenteditable')).toBe('false');
    expect(await version.locator('section.recommendation').first().getAttribute('data-label')).toBe('Recommendation 1');

    await dialog.getByRole('button', { name: 'Compare After session 2 with another version' }).click();
    await dialog.locator('.diff').waitFor();
    expect(await dialog.locator('del.diff__removed').allTextContents()).toContain('promptly');
    expect(await dialog.locator('ins.diff__added').allTextContents()).toContain('swiftly');
    const changes = await dialog.locator('.diff__change').allTextContents();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('Recommendation 1 changed');
    expect(changes[0]).toContain('swiftly');
  });

  it('restores the version while two browsers are open, and both converge on it', async () => {
    const dialog = history(rapporteur.page);
    await dialog.getByRole('button', { name: 'Restore After session 2' }).click();
    const confirm = rapporteur.page.getByRole('dialog', { name: 'Restore this version?' });
    await confirm.getByRole('button', { name: 'Restore version' }).click();
    await waitFor(async () => (await dialog.getByRole('status').textContent())?.includes('Restored'), { message: 'the restore notice' });
    await confirm.waitFor({ state: 'hidden' });
    await rapporteur.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    for (const participant of [rapporteur, delegate]) {
      await waitFor(async () => (await documentText(participant.page)).includes('promptly'), { message: 'the restored text' });
    }
    const texts = await Promise.all([documentText(rapporteur.page), documentText(delegate.page)]);
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).not.toContain('swiftly');
    expect(await serverText()).toContain('promptly');
  });

  it('freezes for every role (typing changes nothing on the server), then unfreezes', async () => {
    const everyone = [organiser, rapporteur, delegate];
    await organiser.page.getByRole('button', { name: 'Freeze' }).click();
    await organiser.page.getByRole('dialog', { name: 'Freeze this document?' }).getByRole('button', { name: 'Freeze document' }).click();
    for (const participant of everyone) {
      await participant.page.getByText('Frozen — read-only').waitFor();
      await waitFor(async () => (await editable(participant)) === 'false', { message: 'a read-only editor' });
    }
    const before = await serverText();
    for (const participant of [delegate, rapporteur]) {
      await participant.page.locator('.editor-main .document').click();
      await participant.page.keyboard.type('XYZZY');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await serverText()).toBe(before);
    expect(await documentText(delegate.page)).not.toContain('XYZZY');

    await organiser.page.getByRole('button', { name: 'Unfreeze' }).click();
    await organiser.page.getByRole('dialog', { name: 'Unfreeze this document?' }).getByRole('button', { name: 'Unfreeze document' }).click();
    for (const participant of everyone) {
      await waitFor(async () => (await editable(participant)) === 'true', { message: 'an editable editor again' });
      expect(await participant.page.getByText('Frozen — read-only').count()).toBe(0);
    }
  });

  it('downloads a DOCX and a PDF with the annex through the Export menu', async () => {
    const { page } = delegate;
    const download = async (format: string, kind: string) => {
      await page.getByRole('button', { name: 'Export' }).click();
      // The kind first: it decides which formats are offered.
      await page.getByLabel(kind).check();
      await page.getByLabel(format, { exact: true }).check();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
      return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
    };
    const docx = await download('Word (.docx)', 'Clean text');
    expect(docx.name).toBe(`${TITLE}.docx`);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    const pdf = await download('PDF', 'With annex of comment threads');
    expect(pdf.name).toBe(`${TITLE} - with comments.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(1000);

    // Every format of the API is in the menu; Akoma Ntoso (one expression, no annex) is off while the annex is chosen.
    await page.getByRole('button', { name: 'Export' }).click();
    const formats = page.getByRole('group', { name: 'Format' }).getByRole('radio');
    expect(await Promise.all((await formats.all()).map((radio) => radio.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent)))).toEqual([
      'Word (.docx)',
      'PDF',
      'Markdown',
      'Web page (HTML)',
      'Akoma Ntoso (XML)',
    ]);
    await page.getByLabel('With annex of comment threads').check();
    expect(await page.getByLabel('Akoma Ntoso (XML)', { exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    const akn = await download('Akoma Ntoso (XML)', 'Clean text');
    expect(akn.name).toBe(`${TITLE}.xml`);
    expect(akn.bytes.toString()).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">');
  });
});
