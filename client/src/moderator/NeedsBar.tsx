import { useEffect, useMemo, useRef, useState } from 'react';
import type { RosterView } from '@live-workshop/shared';
import { useT } from '../i18n/useT.js';
import { announce } from '../session/store/actions.js';
import { useLw } from '../session/useLw.js';
import { useLiveSegment } from '../live/segment/liveSegmentStore.js';
import { anythingNew, needsOf, newNeeds, type Needs } from './needs.js';

/** Where the moderator's choice of a sound is remembered (off unless they turn it on). */
export const NEEDS_SOUND_KEY = 'lw.console.sound';

function soundWanted(): boolean {
  try {
    return globalThis.localStorage?.getItem(NEEDS_SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/** A short two-note chime; silent where the browser has no Web Audio. */
function chime(): void {
  const Ctx = globalThis.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  const start = ctx.currentTime;
  [880, 660].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.15, start + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + i * 0.18);
    osc.stop(start + i * 0.18 + 0.17);
  });
  setTimeout(() => void ctx.close(), 600);
}

/**
 * The queues that need a person now, across the top of the console: help requests, raised hands,
 * questions, each a count that links to its panel and stands out when it is not zero. A new hand or
 * question is announced (help requests are announced as they arrive); a chime, off by default.
 */
export function NeedsBar({ roster }: { roster: RosterView | null }) {
  const t = useT();
  const helpRequests = useLw((s) => s.roster.helpRequests);
  const board = useLiveSegment((s) => s.questions.moderatorBoard);
  const needs = useMemo(() => needsOf(roster, helpRequests, board), [roster, helpRequests, board]);
  const [sound, setSound] = useState(soundWanted);
  const seen = useRef<Needs | null>(null);

  useEffect(() => {
    const fresh = newNeeds(seen.current, needs);
    seen.current = needs;
    for (const name of fresh.hands) announce(t('console.needs.handRaised', { name }), 'assertive');
    if (fresh.questions > 0) announce(t('console.needs.newQuestions', { count: fresh.questions }), 'polite');
    if (sound && anythingNew(fresh)) chime();
  }, [needs, sound, t]);

  const toggleSound = () => {
    const next = !sound;
    setSound(next);
    try {
      localStorage.setItem(NEEDS_SOUND_KEY, next ? 'on' : 'off');
    } catch {
      // Not remembered where storage is blocked.
    }
  };
  const queue = (id: string, target: string, count: number, label: string) => (
    <li>
      <a href={`#${target}`} className={count > 0 ? 'need need-waiting' : 'need'} data-testid={`needs-${id}`} data-count={count}>
        <span className="need-count">{count}</span>{' '}
        <span className="need-label">{label}</span>
      </a>
    </li>
  );
  return (
    <nav className="needs-bar" aria-label={t('console.needs.label')} data-testid="needs-bar">
      <ul>
        {queue('help', 'help-panel-heading', needs.help, t('console.needs.help', { count: needs.help }))}
        {queue('hands', 'hands-panel-heading', needs.hands, t('console.needs.hands', { count: needs.hands }))}
        {queue('questions', 'qa-moderation-heading', needs.questions, t('console.needs.questions', { count: needs.questions }))}
      </ul>
      <button type="button" className="secondary small" aria-pressed={sound} onClick={toggleSound} data-testid="needs-sound">
        {t('console.needs.sound')}
      </button>
    </nav>
  );
}
