// Attendance is computed from what really happened: a recorded stream of signed LiveKit webhooks, against the agenda's timeline.
import { afterEach, describe, expect, test } from 'vitest';
import { ManualTime } from '../src/platform/clock.js';
import { api, manualWorkshop, MINUTE_MS, postWebhook, recordedWorkshop } from './aroundHarness.js';
import { register, startTestApp } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('attendance from a recorded stream of webhook events', () => {
  test('time present per agenda item and the breakout attended', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann, bob } = await recordedWorkshop(w);
    const { status, json } = await api(w.url, '/api/moderator/attendance', { credential: w.moderatorCredential });
    expect(status).toBe(200);
    expect(json.threshold).toBe(0.5);
    const of = (id: string) => json.attendance.find((a: { participantId: string }) => a.participantId === id);

    const annAt = of(ann.participantId);
    expect(annAt.agendaMs).toBe(150 * MINUTE_MS);
    expect(annAt.items.map((i: { presentMs: number }) => i.presentMs / MINUTE_MS)).toEqual([45, 75, 30, 0]);
    expect(annAt.items.map((i: { runMs: number }) => i.runMs / MINUTE_MS)).toEqual([45, 75, 30, 0]);
    expect(annAt.share).toBe(1);
    expect(annAt.breakout).toMatchObject({ breakoutId: 'trust', ms: 75 * MINUTE_MS });
    expect(annAt.items[1].rooms).toEqual([{ roomId: 'breakout:trust', ms: 75 * MINUTE_MS }]);

    const bobAt = of(bob.participantId);
    expect(bobAt.items.map((i: { presentMs: number }) => i.presentMs / MINUTE_MS)).toEqual([15, 5, 0, 0]);
    expect(bobAt.share).toBeCloseTo(20 / 150);
    expect(bobAt.breakout).toBeNull();

    // Each person sees their own, and only with their own link.
    const mine = await api(w.url, '/api/me/attendance', { credential: bob.credential });
    expect(mine.json.attendance.participantId).toBe(bob.participantId);
    expect((await api(w.url, '/api/moderator/attendance', { credential: bob.credential })).status).toBe(403);
    expect((await api(w.url, '/api/moderator/attendance')).status).toBe(401);
  });

  test('occupancy per room per minute, for the console chart', async () => {
    const w = await manualWorkshop(cleanups);
    const { t0 } = await recordedWorkshop(w);
    const { json } = await api(w.url, '/api/moderator/occupancy', { credential: w.moderatorCredential });
    expect(json.stepMs).toBe(MINUTE_MS);
    expect(json.rooms).toEqual(expect.arrayContaining(['plenary', 'backstage', 'breakout:trust', 'breakout:skills']));
    const at = (minute: number) => json.points.find((p: { at: number }) => p.at === t0 + minute * MINUTE_MS)?.counts;
    expect(at(10)).toMatchObject({ plenary: 1 });
    expect(at(35)).toMatchObject({ plenary: 2 });
    expect(at(47)).toMatchObject({ plenary: 1, 'breakout:trust': 1 });
    expect(at(100)).toMatchObject({ plenary: 0, 'breakout:trust': 1 });
    expect(at(130)).toMatchObject({ plenary: 1, 'breakout:trust': 0 });
    const coarse = await api(w.url, '/api/moderator/occupancy?stepMs=600000', { credential: w.moderatorCredential });
    expect(coarse.json.stepMs).toBe(600_000);
    expect((await api(w.url, '/api/moderator/occupancy?stepMs=5', { credential: w.moderatorCredential })).json).toMatchObject({ code: 'invalid_payload' });
  });

  test('CSV export: one row per person with minutes per item, no credentials', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann } = await recordedWorkshop(w);
    const res = await api(w.url, '/api/moderator/attendance.csv', { credential: w.moderatorCredential });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('microcredentials-2025-attendance.csv');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const quoted = (cells: string) => cells.split(',').map((c) => `"${c}"`).join(',');
    expect(lines[0]).toBe(quoted('participant_id,name,email,organisation,country,stakeholder_type,role,assigned_breakout,breakout_attended,minutes_opening,minutes_breakouts,minutes_refernet,minutes_closing,minutes_present,minutes_agenda,share_percent,certificate_eligible'));
    expect(lines.find((l) => l.startsWith(`"${ann.participantId}"`))).toBe(quoted(`${ann.participantId},Ann Example,ann@example.org,,BE,other,attendee,trust,trust,45,75,30,0,150,150,100,yes`));
    expect(res.text).not.toContain(ann.credential);
    expect(res.text).not.toMatch(/eyJ/); // no JWT of any kind
  });

  test('Socket.IO presence is recorded beside the media presence', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann } = await recordedWorkshop(w);
    const mine = (await api(w.url, '/api/me/data', { credential: ann.credential })).json;
    expect(mine.attendance.events.filter((e: { source: string }) => e.source === 'media')).toHaveLength(6);
    const modData = (await api(w.url, '/api/me/data', { credential: w.moderatorCredential })).json;
    expect(modData.attendance.events).toContainEqual(expect.objectContaining({ source: 'signal', kind: 'joined', phase: 'scheduled' }));
  });

  test('a restart closes presence left open (nobody knows who left meanwhile); LiveKit reconciliation reopens what is true', async () => {
    const first = await manualWorkshop(cleanups);
    const ann = (await register(first.url, { name: 'Ann', email: 'ann@example.org' })).body;
    await first.command({ type: 'openDoors' });
    await first.command({ type: 'start' });
    await postWebhook(first.url, 'participant_joined', 'plenary', ann.participantId);
    first.time.advanceBy(10 * MINUTE_MS);
    first.moderator.close();
    await first.app.close();

    const later = new ManualTime(first.time.now() + 5 * MINUTE_MS);
    const second = await startTestApp({ dbPath: first.dbPath, clock: later, scheduler: later });
    cleanups.push(() => second.app.close());
    const events = (await api(second.url, '/api/me/data', { credential: ann.credential })).json.attendance.events;
    expect(events.filter((e: { source: string }) => e.source === 'media')).toEqual([
      expect.objectContaining({ kind: 'joined', roomId: 'plenary', at: first.time.now() - 10 * MINUTE_MS, itemIndex: 0 }),
      expect.objectContaining({ kind: 'left', roomId: 'plenary', at: later.now(), itemIndex: 0 }),
    ]);
    await postWebhook(second.url, 'participant_joined', 'plenary', ann.participantId);
    later.advanceBy(MINUTE_MS);
    const summary = (await api(second.url, '/api/me/attendance', { credential: ann.credential })).json.attendance;
    expect(summary.items[0].presentMs).toBe(16 * MINUTE_MS);
    expect(summary.items[0].runMs).toBe(16 * MINUTE_MS);
  });
});
