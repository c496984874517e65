import { usePhaseRemainingMs } from '../../time/useCountdown.js';
import { useAssignedRoom, useEvent, useLw, useMe } from '../../session/useLw.js';
import { formatDurationWords } from '../../time/countdown.js';
import { breakoutOf, roomTitle } from '../../ui/words.js';
import { ChatPanel } from '../room/ChatPanel.js';
import { Countdown } from '../../ui/Countdown.js';
import { HelpButton } from '../room/HelpButton.js';
import { MediaControls } from '../media/MediaControls.js';
import { RoomGrid } from '../room/RoomPeople.js';
import { LivePolls } from '../polls/PollCard.js';
import { PollConsole } from '../polls/PollConsole.js';
import { CaptionerConsole } from '../captions/CaptionerConsole.js';
import { CaptionsPanel } from '../captions/CaptionsPanel.js';
import { RoomNotesEditor } from '../notes/RoomNotesEditor.js';
import { breakoutIdOf } from '@live-workshop/shared/pure';
import '../segment/liveSegment.css';
import { t } from '../../i18n/i18n.js';

/** A breakout room: everyone talks; its title and topic, the time until we go back, the closing warning. */
export function BreakoutView() {
  const event = useEvent();
  const roomId = useAssignedRoom();
  const me = useMe();
  // A speaker placed in a breakout facilitates it: they may run polls for this room (the server checks the same).
  const inBreakout = roomId?.startsWith('breakout:') === true;
  const facilitating = me?.role === 'speaker' && inBreakout;
  // A facilitator by the room's invite link writes its notes (polls stay the speakers' and moderators').
  const writesNotes = facilitating || (me?.role === 'facilitator' && inBreakout);
  const remaining = usePhaseRemainingMs();
  const warning = useLw((s) => (s.agenda.warning && s.agenda.warning.version === s.agenda.snapshot?.version ? s.agenda.warning : null));
  const b = breakoutOf(event, roomId);
  const warnMs = (event?.breakoutWarningSeconds ?? 60) * 1000;
  const showWarning = warning !== null || (remaining !== null && remaining <= warnMs);
  return (
    <section className="room room-breakout" aria-labelledby="room-heading">
      <header className="room-header">
        <h2 id="room-heading" data-testid="room-title">
          {roomTitle(event, roomId)}
        </h2>
        {b?.breakout.topic && <p className="topic">{b.breakout.topic}</p>}
        {b?.breakout.facilitator && <p className="hint">{t('breakout.facilitatedBy', { name: b.breakout.facilitator })}</p>}
        <Countdown label={t('breakout.backIn')} />
        {showWarning && (
          <p className="warning" data-testid="breakout-warning">
            {remaining !== null && remaining > 0
              ? t('breakout.closesIn', { time: formatDurationWords(remaining) })
              : t('breakout.closing')}
          </p>
        )}
      </header>
      <RoomGrid />
      <CaptionsPanel />
      <div className="room-tools">
        <MediaControls />
        <HelpButton />
      </div>
      {/* The chat right under the people and the controls: on a phone it starts in the first screen. */}
      <ChatPanel />
      {me?.role === 'captioner' && <CaptionerConsole />}
      {facilitating && event && roomId && <PollConsole event={event} room={roomId} />}
      {writesNotes && roomId && <RoomNotesEditor breakoutId={breakoutIdOf(roomId)!} />}
      <LivePolls />
    </section>
  );
}
