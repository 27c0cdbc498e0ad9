import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser downloads are not available on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs` add Chromium switches, e.g. `--host-resolver-rules` to reach the loopback server under another name. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface Participant {
  context: BrowserContext;
  page: Page;
  /** The document's editable area. */
  editor: ReturnType<Page['locator']>;
}

/**
 * A person in their own browser profile who opens an invite link, gives their name and waits until the document has
 * synced with the server. `options` may set the browser's time zone or locale.
 */
export async function joinAs(browser: Browser, inviteUrl: string, name: string, options: BrowserContextOptions = {}): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the document' }).click();
  await page.waitForURL(/\/documents\//);
  await waitUntilSynced(page);
  return { context, page, editor: page.locator('.document') };
}

/** Waits until the connection line says everything is on the server. */
export async function waitUntilSynced(page: Page): Promise<void> {
  await page.locator('.connection[data-status="connected"][data-pending="false"].connection--ok').waitFor({ timeout: 10_000 });
}

/**
 * The formatting toolbar's "+ Recommendation" button. Scoped to the toolbar: the suggestions panel has its own buttons
 * whose names mention a recommendation.
 */
export function recommendationButton(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: /Recommendation/ });
}

/** Puts the caret at the end of the document's last text block. */
export async function caretToEnd(page: Page): Promise<void> {
  await page.locator('.document').click();
  await page.keyboard.press('Control+End');
}

/** The document's text as the person reads it, without the name labels of other people's carets. */
export function documentText(page: Page): Promise<string> {
  return page.locator('.document').evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });
}

/** The delegation colour the server gave the person signed in on `page`. */
export function myColor(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { color: string }).color);
}

/** `rgb(r, g, b)` of a `#rrggbb` colour, as computed styles report it. */
export function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}

/** Opens a side panel (comments, proposals, alternatives, status, participants) from the rail, unless it is open already. */
export async function openPanel(page: Page, panel: 'comments' | 'proposals' | 'alternatives' | 'compilation' | 'status' | 'participants'): Promise<void> {
  const button = page.locator(`.panel-rail__button[data-panel="${panel}"]`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.locator(`#panel-${panel}`).waitFor();
}

/** Appends one recommendation per text at the end of the document, through the editor as a paste would. */
export async function addRecommendations(page: Page, texts: readonly string[]): Promise<void> {
  await page.evaluate((items) => {
    interface EditorHandle {
      state: { doc: { content: { size: number } } };
      chain(): { focus(): { insertContentAt(pos: number, content: unknown): { run(): boolean } } };
    }
    const editor = (document.querySelector('.document') as unknown as { editor: EditorHandle }).editor;
    const content = items.map((text) => ({ type: 'recommendation', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }));
    editor.chain().focus().insertContentAt(editor.state.doc.content.size, content).run();
  }, texts);
}

/**
 * Selects the first occurrence of `words` through the page's own editor (Tiptap hangs itself on its DOM element), or
 * puts the caret `caretOffset` characters into them, then waits for the editor to have focus: Tiptap focuses on the
 * next animation frame, and typing before that would go to whatever had focus. `editor` picks one of several editors.
 */
export async function selectWords(page: Page, words: string, options: { caretOffset?: number; editor?: string } = {}): Promise<void> {
  const selector = options.editor ?? '.document';
  await page.evaluate(
    ({ target, offset, editorSelector }) => {
      interface EditorHandle {
        state: { doc: { descendants(visit: (node: { isText: boolean; text?: string }, pos: number) => boolean): void } };
        chain(): { focus(): { setTextSelection(range: { from: number; to: number }): { run(): boolean } } };
      }
      const editor = (document.querySelector(editorSelector) as unknown as { editor: EditorHandle }).editor;
      let at = -1;
      editor.state.doc.descendants((node, pos) => {
        const index = at < 0 && node.isText ? node.text!.indexOf(target) : -1;
        if (index >= 0) at = pos + index;
        return at < 0;
      });
      if (at < 0) throw new Error(`not found: ${target}`);
      const range = offset === null ? { from: at, to: at + target.length } : { from: at + offset, to: at + offset };
      editor.chain().focus().setTextSelection(range).run();
    },
    { target: words, offset: options.caretOffset ?? null, editorSelector: selector },
  );
  await page.waitForFunction((editorSelector) => document.activeElement?.matches(editorSelector) === true, selector, { timeout: 5_000 });
}
