// Step 2 of a run: register every signalling attendee and media client through the HTTP endpoint
// (timed: admission cost grows with the number already admitted), and cast the media members.
import { breakoutRoomId } from '@live-workshop/shared';
import type { MediaMember } from '../mediaClients.js';
import type { ClientSpec } from '../protocol.js';
import { registerAttendees } from '../registrations.js';
import type { BenchResults } from '../results.js';
import { round1 } from '../stats.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

export interface Registered {
  /** The signalling attendees, enough for the largest N of any scenario. */
  readonly signalling: readonly ClientSpec[];
  readonly registration: BenchResults['registration'];
  /** The first `m` media attendees, and the speaker. */
  mediaMembers(m: number): MediaMember[];
}

export async function registerEveryone(run: BenchRun, { server, breakoutIds }: BenchStack): Promise<Registered> {
  const { options } = run;
  const signallingCount = Math.max(...options.fanoutNs, options.baselineN, options.endurance?.n ?? 0);
  const mediaCount = Math.max(0, ...options.moveMs, options.endurance?.m ?? 0);
  let registered = 0;
  let retried = 0;
  const registrationStarted = performance.now();
  const thousandsAt: number[] = [];
  const signalling = await registerAttendees(server.url, server.mail, signallingCount, {
    prefix: 'attendee', breakoutOf: (i) => breakoutIds[i % breakoutIds.length]!,
    onProgress: (done) => {
      if (done % 100 === 0) run.step(`registering attendees ${done}/${signallingCount}`);
      if (done % 1000 === 0) thousandsAt.push(performance.now());
      registered = done;
    },
    onRetry: (email, err) => {
      retried += 1;
      run.log(`no link for ${email} (${err instanceof Error ? err.message : String(err)}): registered again`);
    },
  });
  if (retried > 0) run.notes.push(`registration: ${retried} of ${signallingCount} links did not arrive and were asked for again (the server log says why: "join link mail failed")`);
  const registration = {
    n: signallingCount, seconds: round1((performance.now() - registrationStarted) / 1000),
    // Registrations per second in each successive thousand: admission cost grows with the number already admitted.
    per_second_by_thousand: thousandsAt.map((t, i) => Math.round(1000 / ((t - (i === 0 ? registrationStarted : thousandsAt[i - 1]!)) / 1000))),
  };
  // Media attendees fill breakouts two by two, so with any even M everyone has someone to hear after a move.
  const mediaAttendees = await registerAttendees(server.url, server.mail, mediaCount, { prefix: 'media', breakoutOf: (i) => breakoutIds[Math.floor(i / 2) % breakoutIds.length]! });
  run.log(`registered ${registered} signalling attendees and ${mediaAttendees.length} media clients`);
  // Attendees may not publish in the plenary: the speaker on stage is the voice they hear there.
  const speaker = server.staff.find((s) => s.role === 'speaker');
  if (!speaker && mediaCount > 0) throw new Error('the bench event needs a speaker on stage (bench/events/bench-workshop.yaml)');
  const mediaMembers = (m: number): MediaMember[] => [
    // Alone backstage, and the only publisher on stage: the speaker has nobody to hear, so no audio gap is measured for it.
    { id: 'bench-speaker', credential: speaker!.credential, roomFor: (kind) => (kind === 'plenary' ? 'plenary' : 'backstage'), hearsSomeone: false },
    ...mediaAttendees.slice(0, m).map((a): MediaMember => ({ id: a.id, credential: a.credential, roomFor: (kind) => (kind === 'plenary' ? 'plenary' : breakoutRoomId(a.breakoutId)), hearsSomeone: true })),
  ];
  return { signalling, registration, mediaMembers };
}
