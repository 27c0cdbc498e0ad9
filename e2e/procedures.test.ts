import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DocumentProcedures } from '../shared/api/procedures.ts';
import { type Participant, caretToEnd, documentText, joinAs, waitUntilSynced } from './helpers/browser.ts';
import { useE2eSession } from './helpers/session.ts';
import { waitFor } from './helpers/waitFor.ts';

const e2e = useE2eSession();

interface Room {
  documentId: string;
  organiser: Participant;
  rapporteur: Participant;
  spain: Participant;
  france: Participant;
}

async function room(title: string): Promise<Room> {
  const documentId = await e2e.server.createDocument(title);
  const invite = (role: string, delegation: string) => e2e.server.invite(documentId, role, delegation).then((created) => created.url);
  return {
    documentId,
    organiser: await joinAs(e2e.browser, await invite('organiser', 'Secretariat'), 'Olga', { timezoneId: 'Europe/Zurich' }),
    rapporteur: await joinAs(e2e.browser, await invite('rapporteur', 'Chair'), 'Rita'),
    spain: await joinAs(e2e.browser, await invite('delegate', 'Spain'), 'Ana', { timezoneId: 'America/New_York' }),
    france: await joinAs(e2e.browser, await invite('delegate', 'France'), 'Chloé', { timezoneId: 'Asia/Tokyo' }),
  };
}

/** `datetime-local` value of the wall-clock time `minutes` from now in `timeZone`. */
function wallClock(minutes: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function fillWhen(page: Page, minutes: number, timeZone: string): Promise<void> {
  await page.getByLabel('Date and time').fill(wallClock(minutes, timeZone));
  await page.getByLabel('Time zone').selectOption(timeZone);
}

const line = (page: Page, testId: string) => page.getByTestId(testId).textContent().then((text) => text ?? '');
const closeAll = async (people: Room) => {
  for (const person of [people.organiser, people.rapporteur, people.spain, people.france]) await person.context.close();
};

describe('deadline for proposals and comments', () => {
  it('is set by the organiser, shown in each person’s zone with a countdown, and closes proposals and new threads for delegates', async () => {
    const people = await room('Deadline e2e');
    await people.organiser.page.getByRole('button', { name: 'Set a deadline' }).click();
    await fillWhen(people.organiser.page, 90, 'Asia/Amman');
    await people.organiser.page.getByRole('button', { name: 'Save the deadline' }).click();

    // Ana (New York) sees her own time, and Amman's named, with the time left.
    await waitFor(async () => (await line(people.spain.page, 'deadline-line')).includes('Asia/Amman'), { message: 'deadline shown live to Spain' });
    const shown = await line(people.spain.page, 'deadline-line');
    const at = (await e2e.server.api<DocumentProcedures>('GET', `/api/documents/${people.documentId}/procedures`)).deadline!.at;
    const newYork = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' }).format(new Date(at));
    expect(shown).toContain(`${newYork} your time`);
    expect(shown).toMatch(/0 d 1 h (29|30) min left/);
    expect(await people.spain.page.getByRole('radio', { name: 'Suggest' }).count()).toBe(1);
    await people.spain.page.screenshot({ path: '/tmp/procedures-deadline-ahead.png' });

    // Moved into the past: delegates can no longer propose or open threads; the rapporteur still can.
    await people.organiser.page.getByRole('button', { name: 'Change the deadline' }).click();
    await fillWhen(people.organiser.page, -2, 'Asia/Amman');
    await people.organiser.page.getByRole('button', { name: 'Save the deadline' }).click();
    await waitFor(async () => (await line(people.spain.page, 'deadline-line')).includes('you can no longer open threads'), {
      message: 'deadline passed for Spain',
    });
    await waitFor(async () => (await people.spain.page.getByRole('radio', { name: 'Suggest' }).count()) === 0, { message: 'Suggest gone for Spain' });
    // Not switched to direct editing either: the text is read-only for delegates, and the server drops their changes.
    await people.spain.page.getByText('The deadline for proposals has passed: the text is read-only for delegations').waitFor();
    expect(await people.spain.page.locator('.document').getAttribute('contenteditable')).toBe('false');
    expect(await people.rapporteur.page.locator('.document').getAttribute('contenteditable')).toBe('true');
    await people.spain.page.locator('.document').click();
    await people.spain.page.keyboard.type('Late words');
    await caretToEnd(people.rapporteur.page);
    await people.rapporteur.page.keyboard.type('The chair still writes.');
    await waitFor(async () => (await documentText(people.spain.page)).includes('The chair still writes.'), { message: 'the chair’s words at Spain' });
    for (const person of [people.spain, people.rapporteur, people.france]) expect(await documentText(person.page)).not.toContain('Late words');
    expect(await people.spain.page.locator('.new-thread').count()).toBe(0);
    expect(await people.rapporteur.page.getByRole('radio', { name: 'Suggest' }).count()).toBe(1);
    expect(await people.rapporteur.page.locator('.new-thread').count()).toBe(1);
    await people.spain.page.screenshot({ path: '/tmp/procedures-deadline-passed.png' });
    await closeAll(people);
  });
});

describe('words typed offline before the deadline and sent after it', () => {
  it('are refused plainly, kept on the device, and can be discarded to follow the text again', async () => {
    const people = await room('Deadline offline e2e');
    await caretToEnd(people.france.page);
    await people.france.context.setOffline(true);
    await people.france.page.locator('.connection', { hasText: 'your changes are kept' }).waitFor();
    await people.france.page.keyboard.type('Typed offline by France.');

    await people.organiser.page.getByRole('button', { name: 'Set a deadline' }).click();
    await fillWhen(people.organiser.page, -2, 'Asia/Amman');
    await people.organiser.page.getByRole('button', { name: 'Save the deadline' }).click();
    await waitFor(async () => (await line(people.spain.page, 'deadline-line')).includes('you can no longer open threads'), { message: 'deadline passed' });

    await people.france.context.setOffline(false);
    const refused = people.france.page.locator('.connection', { hasText: 'your last changes to the text were not saved' });
    await refused.waitFor();
    await people.france.page.screenshot({ path: '/tmp/procedures-deadline-refused.png' });
    expect(await documentText(people.france.page)).toContain('Typed offline by France.');
    for (const person of [people.spain, people.rapporteur]) expect(await documentText(person.page)).not.toContain('Typed offline by France.');

    await refused.getByRole('button', { name: 'Discard them and follow the text' }).click();
    await waitUntilSynced(people.france.page);
    expect(await documentText(people.france.page)).not.toContain('Typed offline by France.');
    await caretToEnd(people.rapporteur.page);
    await people.rapporteur.page.keyboard.type('The chair writes after the deadline.');
    await waitFor(async () => (await documentText(people.france.page)).includes('The chair writes after the deadline.'), {
      message: 'France follows the text again',
    });
    await closeAll(people);
  });
});

describe('silence procedure', () => {
  it('is opened by the organiser on a frozen text and broken by a delegation, whose statement everyone sees', async () => {
    const people = await room('Silence broken e2e');
    await people.organiser.page.getByRole('button', { name: 'Open a silence procedure' }).click();
    // A time already past in the zone chosen is refused with a plain reason, not "something is not valid".
    await fillWhen(people.organiser.page, -5, 'Europe/Paris');
    await people.organiser.page.getByText('This time has already passed in Europe/Paris').waitFor();
    expect(await people.organiser.page.getByRole('button', { name: 'Freeze the text and open the procedure' }).isDisabled()).toBe(true);
    await fillWhen(people.organiser.page, 60, 'Europe/Zurich');
    await people.organiser.page.getByText(/^That is .* your time\.$/).waitFor();
    await people.organiser.page.getByRole('button', { name: 'Freeze the text and open the procedure' }).click();
    for (const person of [people.organiser, people.rapporteur, people.spain, people.france]) {
      await waitFor(async () => (await line(person.page, 'silence-line')).includes('Silence procedure until'), { message: 'procedure shown' });
      await person.page.locator('.notice--read-only').waitFor();
      await waitUntilSynced(person.page);
    }
    expect(await people.rapporteur.page.getByRole('button', { name: 'Break silence' }).count()).toBe(0);

    await people.france.page.getByRole('button', { name: 'Break silence' }).click();
    await people.france.page.getByLabel('Statement of your delegation').fill('France cannot join consensus on recommendation 4.');
    await people.france.page.getByRole('button', { name: 'Break silence for my delegation' }).click();
    for (const person of [people.organiser, people.rapporteur, people.spain, people.france]) {
      await waitFor(async () => (await line(person.page, 'silence-line')).includes('Silence broken by France'), { message: 'broken shown to all' });
      expect(await line(person.page, 'silence-line')).toContain('France cannot join consensus on recommendation 4.');
    }
    expect(await people.spain.page.getByRole('button', { name: 'Break silence' }).count()).toBe(0);
    await people.spain.page.screenshot({ path: '/tmp/procedures-silence-broken.png' });
    await closeAll(people);
  });

  it('adopts the text at the deadline when nobody broke silence, in every browser and in the export', async () => {
    const people = await room('Silence kept e2e');
    // A deadline seconds away: the form takes minutes, so a script opens it as the organiser's API client would.
    const deadline = Date.now() + 4000;
    await e2e.server.api('POST', `/api/documents/${people.documentId}/silence`, { at: new Date(deadline).toISOString(), timeZone: 'Europe/Zurich' });
    await waitFor(async () => (await people.spain.page.getByRole('button', { name: 'Break silence' }).count()) === 1, { message: 'break offered' });
    for (const person of [people.organiser, people.rapporteur, people.spain, people.france]) {
      await waitFor(async () => (await line(person.page, 'silence-line')).includes('Adopted under silence procedure'), {
        message: 'adoption shown',
        timeoutMs: 8000,
      });
    }
    expect(Date.now() - deadline).toBeLessThan(3000);
    expect(await people.spain.page.getByRole('button', { name: 'Break silence' }).count()).toBe(0);
    // Adopted is final, as the server holds: the organiser is offered no new procedure and no deadline change.
    await people.organiser.page.getByText('The text is adopted: its deadline and silence procedure can no longer be changed').waitFor();
    for (const name of ['Open a silence procedure', 'Set a deadline']) expect(await people.organiser.page.getByRole('button', { name }).count()).toBe(0);
    const html = await people.france.page.evaluate(async (id) => (await fetch(`/api/documents/${id}/export?format=html`)).text(), people.documentId);
    expect(html).toContain('Adopted under silence procedure on');
    await people.france.page.screenshot({ path: '/tmp/procedures-silence-adopted.png' });
    await closeAll(people);
  });
});
