/**
 * Language versions (issue 16), on a document of 100 recommendations with three versions (French, Arabic, Spanish),
 * every block translated and confirmed:
 * - the side-by-side view editable after load: from navigation until the 100 rows are shown, the first translation
 *   is in its editor and the editor takes typing, connected (Chromium, no throttling, median of 5): budget 1.5 s;
 * - the server's memory per loaded document: D such documents with their source and three versions open, against D
 *   documents of the same source alone (VmRSS with a reader in every room minus VmRSS before, over D, each on a freshly
 *   started server): budget 3×.
 * Accord runs as `npm start` runs it (the bundle, serving dist/client).
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CreatedInvite } from '../shared/api/documents.ts';
import { LanguageList } from '../shared/api/languages.ts';
import type { LanguageCode } from '../shared/domain/languages.ts';
import { schemaExtensions } from '../shared/editor/schemaExtensions.ts';
import { confirm } from '../shared/editor/translationStatus.ts';
import { blockFragmentName, languageRoomName } from '../shared/protocol/languageRooms.ts';
import { recommendationsDocument } from './clientLoad.ts';
import { createBenchDocuments } from './lib/accordDocument.ts';
import type { BenchOptions } from './lib/benchOptions.ts';
import { percentile } from './lib/percentiles.ts';
import { readProcessMemory } from './lib/processStats.ts';
import { type RunningRelay, accordTarget, discard } from './lib/relayTargets.ts';
import { fixed, formatTable } from './lib/table.ts';
import { waitFor } from './lib/waitFor.ts';

const RECOMMENDATIONS = 100;
const VERSIONS: LanguageCode[] = ['fr', 'ar', 'es'];
const TRANSLATIONS: Record<string, string> = {
  fr: 'Les procureurs devraient recourir tôt à EUROJUST pour les réunions de coordination et les équipes communes d’enquête.',
  ar: 'ينبغي للمدعين العامين الاستعانة مبكرًا بيوروجست لعقد اجتماعات التنسيق وتشكيل فرق التحقيق المشتركة.',
  es: 'Los fiscales deberían recurrir pronto a EUROJUST para las reuniones de coordinación y los equipos conjuntos de investigación.',
};
const RUNS = 5;
const TIME_BUDGET_MS = 1500;
const MEMORY_BUDGET = 3;

export interface LanguageVersionsOptions {
  documents: number;
}

export function languageVersionsOptions(options: BenchOptions, quick: boolean): LanguageVersionsOptions {
  return { documents: options.positiveInteger('documents', quick ? 5 : 20) };
}

const baseUrlOf = (relay: RunningRelay) => relay.target.wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');

async function api(relay: RunningRelay, method: string, pathname: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrlOf(relay)}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${relay.state.secret}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** Opens `room` with the stock provider and resolves once synced with the server. */
async function open(relay: RunningRelay, room: string, doc = new Y.Doc()): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider(relay.target.wsUrl, room, doc, { WebSocketPolyfill: WebSocket as never, params: { token: relay.state.secret }, disableBc: true });
  await waitFor(() => provider.synced, `${room} synced`, 30_000);
  return provider;
}

/** Writes the source (and, with `versions`, its translations, all confirmed) through the sockets, as editors would. */
async function seed(relay: RunningRelay, documentId: string, versions: readonly LanguageCode[]): Promise<void> {
  const json = recommendationsDocument(RECOMMENDATIONS);
  const source = prosemirrorJSONToYDoc(getSchema(schemaExtensions()), json, 'default');
  const providers = [await open(relay, documentId, source)];
  try {
    for (const language of versions) {
      await api(relay, 'POST', `/api/documents/${documentId}/languages`, { language });
      const version = new Y.Doc();
      version.transact(() => {
        json.content.forEach((block, index) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(`${index + 1}. ${TRANSLATIONS[language]}`)]);
          version.getXmlFragment(blockFragmentName(block.attrs.id)).insert(0, [paragraph]);
          confirm(version, block.attrs.id, { source: block.content[0]!.content[0]!.text, by: 'Bench', at: new Date().toISOString() });
        });
      });
      providers.push(await open(relay, languageRoomName(documentId, language), version));
    }
    // Stored when the server counts every version up to date from what it stored.
    for (let attempt = 0; ; attempt++) {
      const list = LanguageList.parse(await api(relay, 'GET', `/api/documents/${documentId}/languages`));
      if (list.versions.length === versions.length && list.versions.every((entry) => entry.upToDate === RECOMMENDATIONS)) break;
      if (attempt > 200) throw new Error(`the versions of ${documentId} were not stored: ${JSON.stringify(list)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    for (const provider of providers) provider.destroy();
  }
}

/** Memory per document on a freshly started server: a reader in each of the rooms, RSS after minus before, over D. */
async function memoryPerDocument(relay: RunningRelay, rooms: string[], documents: number): Promise<number> {
  const idle = readProcessMemory(relay.pid).rssKiB;
  const readers: WebsocketProvider[] = [];
  try {
    for (const room of rooms) readers.push(await open(relay, room));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (readProcessMemory(relay.pid).rssKiB - idle) / documents;
  } finally {
    for (const reader of readers) reader.destroy();
  }
}

async function sideBySideTimes(relay: RunningRelay, documentId: string): Promise<number[]> {
  const invite = CreatedInvite.parse(await api(relay, 'POST', `/api/documents/${documentId}/invites`, { role: 'translator', delegation: 'Translators', language: 'ar' }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const joined = await context.request.post(`${baseUrlOf(relay)}/api/join`, { data: { token: invite.token, name: `Translator ${run}` } });
        if (!joined.ok()) throw new Error(`join failed: ${joined.status()}`);
        const page = await context.newPage();
        await page.goto(`${baseUrlOf(relay)}/documents/${documentId}/languages/ar`);
        const ready = await page.waitForFunction(
          (count) => {
            const first = document.querySelector('.side-by-side__editor');
            return (
              document.querySelectorAll('.side-by-side__row').length === count &&
              first?.getAttribute('contenteditable') === 'true' &&
              (first.textContent ?? '').length > 0 &&
              document.querySelector('.connection[data-status="connected"]') &&
              performance.now()
            );
          },
          RECOMMENDATIONS,
          { timeout: 60_000, polling: 'raf' },
        );
        times.push((await ready.jsonValue()) as number);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return times.sort((a, b) => a - b);
}

export async function runLanguageVersions({ documents }: LanguageVersionsOptions): Promise<void> {
  console.log(`Language versions — ${RECOMMENDATIONS} recommendations, versions ${VERSIONS.join(', ')} translated and confirmed; ${documents} documents for memory\n`);
  const target = accordTarget();
  let relay = await target.start();
  const state = relay.state;
  try {
    const single = await createBenchDocuments(baseUrlOf(relay), state.secret, documents);
    const multi = await createBenchDocuments(baseUrlOf(relay), state.secret, documents);
    for (const documentId of single) await seed(relay, documentId, []);
    for (const documentId of multi) await seed(relay, documentId, VERSIONS);
    const times = await sideBySideTimes(relay, multi[0]!);

    await relay.stop();
    relay = await target.start(state);
    const singleKiB = await memoryPerDocument(relay, single, documents);
    await relay.stop();
    relay = await target.start(state);
    const multiKiB = await memoryPerDocument(relay, multi.flatMap((id) => [id, ...VERSIONS.map((language) => languageRoomName(id, language))]), documents);

    const median = percentile(times, 50);
    const ratio = multiKiB / singleKiB;
    console.log(
      formatTable(
        ['budget', 'measured', 'limit', ''],
        [
          [`side-by-side view editable, ${RECOMMENDATIONS} rows (median of ${RUNS})`, `${fixed(median, 0)} ms`, `${TIME_BUDGET_MS} ms`, median <= TIME_BUDGET_MS ? 'within budget' : 'OVER budget'],
          [
            'server RSS per loaded document, source + 3 versions vs source alone',
            `${fixed(multiKiB, 0)} KiB vs ${fixed(singleKiB, 0)} KiB = ${fixed(ratio, 2)}×`,
            `${MEMORY_BUDGET}×`,
            ratio <= MEMORY_BUDGET ? 'within budget' : 'OVER budget',
          ],
        ],
      ),
    );
    console.log(`  side-by-side loads (ms): ${times.map((value) => fixed(value, 0)).join(', ')}`);
    console.log('');
  } finally {
    await relay.stop();
    discard(state);
  }
}
