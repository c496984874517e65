// Short soak: many attendees connecting and disconnecting while the agenda cycles
// plenary ↔ breakouts. At the end nobody is unassigned or misplaced, and memory stays bounded.
import { afterAll, expect, test } from 'vitest';
import { EVENTS, placementOf } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { startTestApp, TestClient } from './harness.js';
import { SimAttendee } from './simAttendee.js';

const ATTENDEES = Number(process.env.SOAK_ATTENDEES ?? 1000);
const CYCLES = Number(process.env.SOAK_CYCLES ?? 6);
const CHURN_SHARE = 0.1;
/** Heap growth allowed between the first and the last cycle (after a full GC; server and clients share this process). */
const HEAP_GROWTH_BOUND_MB = 16;

let app: App;
const sims: SimAttendee[] = [];
let moderator: TestClient;

afterAll(async () => {
  for (const s of sims) s.close();
  moderator?.close();
  await app?.close();
});

const settled = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setImmediate(r));
    if (i > 50) await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not settled: ${what}`);
};

test(`${ATTENDEES} attendees with ${CHURN_SHARE * 100}% churn per cue over ${CYCLES} plenary↔breakouts cycles`, async () => {
  const started = await startTestApp();
  app = started.app;
  const breakouts = ['skills', 'trust', 'global', 'uncharted'];
  for (let i = 0; i < ATTENDEES; i++) {
    const person = app.people.add({ id: `soak-${i}`, role: 'attendee', name: `Soak ${i}`, email: `soak${i}@example.org`, organisation: null, details: {}, confirmedAt: 0, removedAt: null, createdAt: Date.now() });
    app.agenda.system({ type: 'admit', participant: { id: person.id, name: person.name, role: 'attendee', preferences: [breakouts[i % 4]!] } });
  }
  for (let i = 0; i < ATTENDEES; i++) sims.push(new SimAttendee(started.url, await app.credentials.issue(`soak-${i}`, 3600)));
  await Promise.all(sims.map((s) => s.connected()));
  const moderatorCredential = (await app.staffLinks()).find((l) => l.role === 'moderator')!.url.split('/join/')[1]!;
  moderator = new TestClient(started.url, moderatorCredential, undefined, { ignore: [EVENTS.rosterChanged] });
  await moderator.connected();
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'start' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);

  const heap: number[] = [];
  let churnCursor = 0;
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    for (const target of [1, 0]) {
      const version = app.agenda.state.version;
      // Churn: some leave just before the cue and come back just after.
      const churned = sims.slice(churnCursor, churnCursor + ATTENDEES * CHURN_SHARE);
      churnCursor = (churnCursor + churned.length) % ATTENDEES;
      for (const s of churned) s.close();
      expect(await moderator.command({ type: 'goTo', itemIndex: target }, version)).toMatchObject({ ok: true });
      await Promise.all(churned.map((s) => s.reconnect()));
      const state = app.agenda.state;
      await settled(() => sims.every((s, i) => s.current?.roomId === placementOf(state, `soak-${i}`).roomId && s.current?.phaseKey === s.phaseKey), `cycle ${cycle} → item ${target}`);
    }
    (globalThis as { gc?: () => void }).gc?.();
    heap.push(process.memoryUsage().heapUsed / 1e6);
  }

  const state = app.agenda.state;
  const misplaced = sims.filter((s, i) => s.current?.roomId !== placementOf(state, `soak-${i}`).roomId);
  expect(misplaced).toHaveLength(0);
  expect(sims.every((s) => s.current?.token)).toBe(true);
  expect(sims.every((s) => s.versions.every((v, i, all) => i === 0 || v > all[i - 1]!))).toBe(true);
  expect(heap.at(-1)! - heap[0]!).toBeLessThan(HEAP_GROWTH_BOUND_MB);
  console.info(`soak: heap per cycle (MB) ${heap.map((h) => h.toFixed(0)).join(' → ')}`);
});
