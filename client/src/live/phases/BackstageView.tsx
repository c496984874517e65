import { useEvent, useMe, usePhase } from '../../session/useLw.js';
import { ChatPanel } from '../room/ChatPanel.js';
import { Countdown } from '../../ui/Countdown.js';
import { MediaControls } from '../media/MediaControls.js';
import { RaisedHands } from '../room/RaisedHands.js';
import { RoomGrid } from '../room/RoomPeople.js';
import { DeviceCheck } from '../presenting/DeviceCheck.js';
import { SlidesControls, SlidesUpload } from '../presenting/SlidesControls.js';
import { SlidesView } from '../presenting/SlidesView.js';
import { TalkbackPanel } from '../presenting/TalkbackPanel.js';
import { CaptionerConsole } from '../captions/CaptionerConsole.js';
import '../segment/liveSegment.css';
import { t } from '../../i18n/i18n.js';

/** The green room: speakers and moderators get ready (devices, slides, talk-back); when they go on stage. */
export function BackstageView() {
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const index = phase && 'itemIndex' in phase ? phase.itemIndex : -1;
  const nextStage = event?.agenda.slice(index + 1).find((i) => 'stage' in i && me && i.stage.includes(me.id)) ?? null;
  return (
    <section className="room room-backstage" aria-labelledby="room-heading">
      <header className="room-header">
        <h2 id="room-heading" data-testid="room-title">
          {t('backstage.heading')}
        </h2>
        <p className="topic">
          {t('backstage.onlyStaff')}
          {nextStage ? ` ${t('backstage.nextStage', { title: nextStage.title })}` : ''}
        </p>
        <Countdown />
      </header>
      <RoomGrid />
      <div className="room-tools">
        <MediaControls allowScreenShare />
        {me?.role === 'speaker' && <RaisedHands />}
      </div>
      {me?.role === 'speaker' && <DeviceCheck />}
      <SlidesUpload />
      <SlidesView />
      <SlidesControls />
      <TalkbackPanel />
      {me?.role === 'captioner' && <CaptionerConsole />}
      <ChatPanel />
    </section>
  );
}
