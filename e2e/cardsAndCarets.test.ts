import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Participant, caretToEnd, joinAs, openPanel, recommendationButton, waitUntilSynced, selectWords } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

let spain: Participant;
let chair: Participant;

const e2e = useE2eSession();

const opacity = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => Number(getComputedStyle(element).opacity));

/** What `name`'s editor last published as the part of the text it shows (awareness `viewing`), as `page` received it. */
const viewingOf = (page: Page, name: string) =>
  page.evaluate((person) => {
    interface AwarenessHandle {
      getStates(): Map<number, { user?: { name?: string }; viewing?: unknown }>;
    }
    interface EditorHandle {
      extensionManager: { extensions: { name: string; options: { provider?: { awareness: AwarenessHandle } } }[] };
    }
    const editor = (document.querySelector('.document') as unknown as { editor: EditorHandle }).editor;
    const awareness = editor.extensionManager.extensions.find((extension) => extension.name === 'collaborationCaret')!.options.provider!.awareness;
    return JSON.stringify([...awareness.getStates().values()].find((state) => state.user?.name === person)?.viewing ?? null);
  }, name);

beforeAll(async () => {
  const documentId = await e2e.server.createDocument('Cards and carets e2e');
  spain = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'delegate', 'Spain')).url, 'Ana');
  chair = await joinAs(e2e.browser, (await e2e.server.invite(documentId, 'rapporteur', 'Chair')).url, 'Rita');
  await caretToEnd(spain.page);
  await spain.page.keyboard.type('Preamble');
  await spain.page.keyboard.press('Enter');
  for (const text of ['Alpha recommendation', 'Beta recommendation']) {
    await spain.page.keyboard.type(text);
    await recommendationButton(spain.page).click();
    await caretToEnd(spain.page);
  }
  await waitUntilSynced(spain.page);
  await chair.page.locator('section.recommendation[data-number="2"]', { hasText: 'Beta' }).waitFor();
});

describe('caret name labels', () => {
  it('show the name while that person types, fade after about 2 s idle, and come back on hover', async () => {
    await selectWords(spain.page, 'Preamble');
    await spain.page.keyboard.press('End');
    await spain.page.keyboard.type(' text');
    const label = '.collaboration-carets__label';
    await chair.page.locator(label, { hasText: 'Ana · Spain' }).waitFor();
    expect(await opacity(chair.page, label)).toBeGreaterThan(0.9);
    await waitFor(async () => (await opacity(chair.page, label)) === 0, { message: 'the label faded', timeoutMs: 5_000 });
    // The coloured caret itself stays.
    expect(await opacity(chair.page, '.collaboration-carets__caret')).toBe(1);

    // Scrolling tells the others where Ana reads (for following her), but it is not a caret move: the name stays hidden.
    const before = await viewingOf(chair.page, 'Ana');
    await spain.page.setViewportSize({ width: 1280, height: 260 });
    await spain.page.locator('.document .recommendation', { hasText: 'Beta' }).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await waitFor(async () => (await viewingOf(chair.page, 'Ana')) !== before, { message: "Ana's view published" });
    await chair.page.waitForTimeout(300);
    expect(await opacity(chair.page, label)).toBe(0);
    await spain.page.setViewportSize({ width: 1280, height: 860 });

    // The caret is a 2 px bar, widened for the pointer by a pseudo-element.
    const bar = (await chair.page.locator('.collaboration-carets__caret').first().boundingBox())!;
    await chair.page.mouse.move(bar.x + 1, bar.y + bar.height / 2, { steps: 4 });
    await waitFor(async () => (await opacity(chair.page, label)) === 1, { message: 'the label shown on hover' });
    await chair.page.mouse.move(0, 0);

    await spain.page.keyboard.type(' again');
    await waitFor(async () => (await opacity(chair.page, label)) === 1, { message: 'the label shown again while typing' });
  });
});

describe('caret name labels at the start of a recommendation', () => {
  it('never cover its label or status, on a laptop and a phone, in English and Arabic', async () => {
    await selectWords(spain.page, 'Alpha recommendation', { caretOffset: 0 });
    for (const language of ['en', 'ar'] as const) {
      await chair.page.evaluate((code) => localStorage.setItem('accord.language', code), language);
      await chair.page.reload();
      await waitUntilSynced(chair.page);
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        await chair.page.setViewportSize(viewport);
        // Moving the caret there again shows the name (it fades 2 s after the last move).
        await spain.page.keyboard.press('End');
        await spain.page.keyboard.press('Home');
        const tag = chair.page.locator('.collaboration-carets__label', { hasText: 'Ana · Spain' });
        await waitFor(async () => (await tag.count()) === 1 && (await opacity(chair.page, '.collaboration-carets__label')) === 1, { message: 'the name shown' });
        const overlap = await tag.evaluate((element) => {
          const card = element.closest('.recommendation')!;
          const text = card.firstElementChild!.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          // The label and the status badge take the top of the card, above its first block.
          return box.top < text.top && box.bottom > card.getBoundingClientRect().top;
        });
        expect(overlap, `${language} ${viewport.width}`).toBe(false);
        await chair.page.screenshot({ path: `/tmp/caret-at-label-${language}-${viewport.width}.png` });
      }
    }
    await chair.page.setViewportSize({ width: 1280, height: 860 });
    await chair.page.evaluate(() => localStorage.setItem('accord.language', 'en'));
    await chair.page.reload();
    await waitUntilSynced(chair.page);
  });
});

describe('comment and proposal cards', () => {
  it('offers the visibility as a compact radio group, one line each, and Reply as a primary button on the card', async () => {
    await openPanel(spain.page, 'comments');
    await selectWords(spain.page, 'Beta');
    await spain.page.getByRole('button', { name: 'Comment on selection' }).click();
    await spain.page.getByLabel('Your comment').fill('Beta needs a date.');
    const group = spain.page.getByRole('group', { name: 'Who can see this thread' });
    const radios = group.getByRole('radio');
    expect(await radios.count()).toBe(3);
    for (const label of await group.locator('label').all()) {
      const lines = await label.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight || '20'));
      expect(lines).toBeLessThan(2);
      const radio = (await label.locator('input').boundingBox())!;
      expect(radio.width).toBeLessThanOrEqual(20);
    }
    await spain.page.getByRole('button', { name: 'Post', exact: true }).click();
    const card = spain.page.locator('.thread', { hasText: 'Beta needs a date.' });
    await card.waitFor();

    // Reply shows on the card whether or not the thread is the active one, styled like the other primary actions.
    await spain.page.locator('.document p', { hasText: 'Preamble' }).click();
    const reply = card.getByRole('button', { name: 'Reply' });
    expect(await reply.isVisible()).toBe(true);
    expect(await reply.isEnabled()).toBe(true);
    const accent = await spain.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    const background = await reply.evaluate((element) => getComputedStyle(element).backgroundColor);
    const probe = await spain.page.evaluate((color) => {
      const element = document.createElement('span');
      element.style.backgroundColor = color;
      document.body.append(element);
      const computed = getComputedStyle(element).backgroundColor;
      element.remove();
      return computed;
    }, accent);
    expect(background).toBe(probe);
  });

  it('says which recommendation each card belongs to, and follows renumbering', async () => {
    await openPanel(chair.page, 'comments');
    const threadBadge = chair.page.locator('.thread', { hasText: 'Beta needs a date.' }).locator('.thread__recommendation');
    await waitFor(async () => (await threadBadge.count()) === 1 && (await threadBadge.innerText()) === 'Rec. 2', { message: 'Rec. 2 on the thread' });

    await spain.page.getByRole('radio', { name: 'Suggest' }).click();
    await selectWords(spain.page, 'Alpha');
    await spain.page.keyboard.press('End');
    await spain.page.keyboard.type(' soon');
    await waitUntilSynced(spain.page);
    await openPanel(chair.page, 'proposals');
    const proposalBadge = chair.page.locator('.suggestion-card', { hasText: 'soon' }).locator('.suggestion-card__recommendation');
    await waitFor(async () => (await proposalBadge.count()) === 1 && (await proposalBadge.innerText()) === 'Rec. 1', { message: 'Rec. 1 on the proposal' });

    // The chair adds a recommendation above both: every card's number moves on.
    await selectWords(chair.page, 'Preamble');
    await chair.page.keyboard.press('End');
    await chair.page.keyboard.press('Enter');
    await chair.page.keyboard.type('Zero recommendation');
    await recommendationButton(chair.page).click();
    await waitFor(async () => (await proposalBadge.innerText()) === 'Rec. 2', { message: 'Rec. 2 on the proposal' });
    await openPanel(chair.page, 'comments');
    await waitFor(async () => (await threadBadge.innerText()) === 'Rec. 3', { message: 'Rec. 3 on the thread' });
    await openPanel(spain.page, 'proposals');
    const spainProposal = spain.page.locator('.suggestion-card', { hasText: 'soon' }).locator('.suggestion-card__recommendation');
    await waitFor(async () => (await spainProposal.innerText()) === 'Rec. 2', { message: 'Rec. 2 at Spain' });
  });
});
