import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { ChatPanel } from '../room/ChatPanel.js';
import { Countdown } from '../../ui/Countdown.js';
import { MediaControls } from '../media/MediaControls.js';
import { RaiseHand } from '../room/RaiseHand.js';
import { RaisedHands } from '../room/RaisedHands.js';
import { PresenterView } from '../presenting/PresenterView.js';
import { SlidesControls } from '../presenting/SlidesControls.js';
import { StageLayout } from '../presenting/StageLayout.js';
import { TalkbackPanel } from '../presenting/TalkbackPanel.js';
import { PinnedQuestion } from '../qa/PinnedQuestion.js';
import { QuestionsPanel } from '../qa/QuestionsPanel.js';
import { SpeakerQuestions } from '../qa/SpeakerQuestions.js';
import '../segment/liveSegment.css';
import { LivePolls } from '../polls/PollCard.js';
import { ReactionBar } from '../reactions/ReactionBar.js';
import { ReactionFeed } from '../reactions/ReactionFeed.js';
import { CaptionerConsole } from '../captions/CaptionerConsole.js';
import { CaptionsPanel } from '../captions/CaptionsPanel.js';
import { t } from '../../i18n/i18n.js';
import { RoomPicker } from '../rounds/RoomPicker.js';
import { ReportBackNotes } from '../notes/ReportBackNotes.js';
import { StageVolume } from '../media/VolumeControl.js';

/**
 * Plenary, live segment, break and closing: the stage large (a screen share or the slides with the
 * cameras beside them), questions by raised hand, the room's chat; a speaker on stage also gets the
 * presenter view, moderators the slides and the talk-back.
 */
export function StageView() {
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const canPublish = useLw((s) => s.media.canPublish);
  const item = event && phase && 'itemIndex' in phase ? event.agenda[phase.itemIndex] : null;
  const staff = me?.role === 'speaker' || me?.role === 'moderator';
  const onStage = canPublish && me?.role === 'attendee';
  return (
    <section className="room room-stage" aria-labelledby="room-heading">
      <header className="room-header">
        <h2 id="room-heading" data-testid="room-title">
          {phase?.kind === 'live' ? t('stage.plenaryLive') : t('stage.plenary')}
        </h2>
        {item?.description && <p className="topic">{item.description}</p>}
        <Countdown label={phase?.kind === 'break' ? t('stage.breakEndsIn') : t('stage.timeLeft')} />
        {onStage && <p className="badge badge-live">{t('stage.onStage')}</p>}
      </header>
      <RoomPicker />
      <PinnedQuestion />
      <ReportBackNotes />
      <div className="stage" data-testid="stage">
        <StageLayout />
      </div>
      <ReactionFeed />
      <CaptionsPanel />
      <div className="room-tools">
        <MediaControls allowScreenShare={canPublish && (staff || me?.role === 'attendee')} />
        {/* An attendee on stage already has the floor: no hand to raise. */}
        {!staff && !onStage && <RaiseHand />}
        {/* Moderators have the hands in their console (with its actions); the same list twice is two regions of one name. */}
        {me?.role === 'speaker' && <RaisedHands />}
        {me?.role !== 'speaker' && <ReactionBar />}
        <StageVolume />
      </div>
      <div className="live-tools">
        {me?.role === 'captioner' && <CaptionerConsole />}
        {/* On stage a speaker reads the questions in the presenter view; off stage, here. */}
        {me?.role === 'speaker' ? !canPublish && <SpeakerQuestions /> : <QuestionsPanel />}
        <LivePolls />
      </div>
      {me?.role === 'speaker' && canPublish && <PresenterView questions={<SpeakerQuestions />} />}
      {me?.role === 'moderator' && (
        <>
          <SlidesControls />
          <TalkbackPanel />
        </>
      )}
      <ChatPanel />
    </section>
  );
}
