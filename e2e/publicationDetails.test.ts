import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ORGANISER_TOKEN } from './helpers/e2eServer.ts';
import { useE2eSession } from './helpers/session.ts';

const e2e = useE2eSession();

async function organiserHome(width: number, height: number): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/organiser#${ORGANISER_TOKEN}`);
  await page.getByRole('heading', { name: 'Documents' }).waitFor();
  return page;
}

describe('publication details', () => {
  it('lets the organiser fill the event, place, dates, organisation and short title that exports print', async () => {
    const organiser = await organiserHome(1280, 800);
    await organiser.getByLabel('Title').fill('Publication e2e');
    await organiser.getByRole('button', { name: 'Create', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Publication e2e', level: 2 }).waitFor();

    const form = organiser.getByRole('form', { name: 'Publication details' });
    await form.getByLabel('Event').fill('CT JUST regional workshop');
    await form.getByLabel('Place').fill('Málaga');
    await form.getByLabel('From').fill('2024-11-04');
    await form.getByLabel('To').fill('2024-11-06');
    await form.getByLabel('Organisation (author)').fill('CT JUST');
    await form.getByLabel('Short title (page header)').fill('Draft recommendations');
    await form.getByRole('button', { name: 'Save details' }).click();
    await form.getByRole('status').getByText('Saved').waitFor();
    if (process.env.ACCORD_SCREENSHOTS) await form.screenshot({ path: `${process.env.ACCORD_SCREENSHOTS}/publication-1280.png` });

    // A reload shows what the server stored.
    await organiser.reload();
    await organiser.getByRole('heading', { name: 'Publication e2e', level: 2 }).waitFor();
    const reloaded = organiser.getByRole('form', { name: 'Publication details' });
    await reloaded.getByLabel('Event').waitFor();
    expect(await reloaded.getByLabel('Event').inputValue()).toBe('CT JUST regional workshop');
    expect(await reloaded.getByLabel('To').inputValue()).toBe('2024-11-06');

    // An end before the start is refused with the server's reason, and nothing changes.
    await reloaded.getByLabel('To').fill('2024-11-01');
    await reloaded.getByRole('button', { name: 'Save details' }).click();
    await reloaded.getByRole('alert').waitFor();
    await organiser.context().close();
  });
});
