// What a speaker sees while on stage: that they are live, their slot and the item's time, who is
// next, how many watch, their own microphone, slides and screen share, talk-back, and a region for
// questions that another module fills (nothing is drawn there without one).
import type { ReactNode } from 'react';
import { speakerSlot } from '@live-workshop/shared/pure';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { formatClock, formatDurationWords, serverNowMs } from '../../time/countdown.js';
import { useNow } from '../../time/useNow.js';
import { Countdown } from '../../ui/Countdown.js';
import { SlidesControls, SlidesUpload } from './SlidesControls.js';
import { TalkbackPanel } from './TalkbackPanel.js';
import { MicMeter } from './MicMeter.js';
import { useMicLevel } from './useMicLevel.js';
import { useT } from '../../i18n/useT.js';

/** The time left in this speaker's slot and who speaks next, from the item's clock. */
function SlotClock({ speakerId }: { speakerId: string }) {
  const t = useT();
  const event = useEvent();
  const phase = usePhase();
  const offset = useLw((s) => s.agenda.serverOffsetMs);
  const now = serverNowMs(offset, useNow(1000));
  const slot = event && phase ? speakerSlot(event, phase, speakerId, now) : null;
  if (!event || !phase) return null;
  const index = 'itemIndex' in phase ? phase.itemIndex : -1;
  const nextSpeaker = slot?.nextSpeakerId ? event.speakers.find((s) => s.id === slot.nextSpeakerId)?.name ?? slot.nextSpeakerId : null;
  const nextItem = event.agenda[index + 1] ?? null;
  const left = slot ? slot.endsAt - now : null;
  return (
    <div className="presenter-clock">
      {slot && left !== null && (
        <p className="countdown">
          <span className="countdown-label">{t('speaker.slot', { number: slot.index + 1, of: slot.of })} </span>
          <span role="timer" aria-label={t('speaker.slotTimer', { left: left <= 0 ? t('speaker.timeUp') : formatDurationWords(left) })} data-testid="slot-countdown">{formatClock(left)}</span>
          {left <= 0 && <span className="badge"> {t('speaker.overTime')}</span>}
        </p>
      )}
      <Countdown label={t('speaker.thisPart')} />
      <p data-testid="presenter-next">
        {nextSpeaker ? t('speaker.nextSpeaker', { name: nextSpeaker }) : nextItem ? t('speaker.nextItem', { title: nextItem.title }) : t('speaker.nextEnd')}
      </p>
    </div>
  );
}

/** The presenter view; `questions` is where the audience's approved and pinned questions go, when a module provides them. */
export function PresenterView({ questions }: { questions?: ReactNode }) {
  const t = useT();
  const me = useMe();
  const watching = useLw((s) => s.media.participants.filter((p) => !p.tracks.some((t) => t.source === 'camera' || t.source === 'screen_share')).length);
  const mic = useLw((s) => s.media.local.audio);
  const muted = useLw((s) => s.media.audioMuted);
  const sharing = useLw((s) => s.media.screenSharing);
  const level = useMicLevel(mic);
  if (!me) return null;
  return (
    <section className="presenter" aria-labelledby="presenter-heading" data-testid="presenter-view">
      {/* The live region around the heading: a heading may not itself have role="status" (axe aria-allowed-role). */}
      <div role="status">
        <h3 id="presenter-heading" className="live-indicator">
          <span aria-hidden="true">●</span> {t(muted ? (sharing ? 'speaker.liveMutedSharing' : 'speaker.liveMuted') : sharing ? 'speaker.liveSharing' : 'speaker.live')}
        </h3>
      </div>
      <SlotClock speakerId={me.id} />
      <p data-testid="watching">{t('speaker.watching', { count: watching })}</p>
      <MicMeter level={level} muted={muted} />
      <SlidesControls />
      <SlidesUpload />
      {questions ? <section className="presenter-questions" aria-label={t('speaker.questions')}>{questions}</section> : null}
      <TalkbackPanel />
    </section>
  );
}
