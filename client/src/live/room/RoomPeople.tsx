import { useState } from 'react';
import { EVENTS } from '@live-workshop/shared/pure';
import { useAssignedRoom, useLw, useLwShallow, useMe } from '../../session/useLw.js';
import { request } from '../../session/socket.js';
import { refusalWords } from '../../session/refusals.js';
import { announce } from '../../session/store/actions.js';
import type { RemoteParticipantView } from '../media/livekit/types.js';
import { MAX_VIDEO_TILES, pageOf } from '../media/mediaFit.js';
import { ParticipantTile, SelfTile } from './VideoTile.js';
import { t } from '../../i18n/i18n.js';

/**
 * Everyone in the room as a grid, ourselves first (breakouts, backstage). At most MAX_VIDEO_TILES
 * others at once, paged: a tile not shown has no video element, so adaptive stream stops receiving
 * that camera and the page decodes only what it shows. Everyone is still heard.
 */
export function RoomGrid() {
  const participants = useLw((s) => s.media.participants);
  const [wanted, setPage] = useState(0);
  const me = useMe();
  const roomId = useAssignedRoom();
  // Moderators mute anyone; a breakout's facilitator (a speaker placed there, or invited by the room's link) the people of their room. The server checks the same.
  const canMute = me?.role === 'moderator' || ((me?.role === 'speaker' || me?.role === 'facilitator') && roomId?.startsWith('breakout:') === true);
  const self = useLwShallow((s) => ({
    video: s.media.local.video,
    publishing: s.media.publishing,
    audioMuted: s.media.audioMuted,
    videoMuted: s.media.videoMuted,
  }));
  const screens = participants.filter((p) => p.tracks.some((t) => t.kind === 'video' && t.source === 'screen_share'));
  const { items: shown, page, pages } = pageOf(participants, wanted);
  const speakingElsewhere = participants.filter((p) => p.isSpeaking && !shown.includes(p)).map((p) => p.name);
  return (
    <div className="grid-wrap">
      {screens.map((p) => (
        <ParticipantTile key={`${p.identity}-screen`} participant={p} source="screen_share" size="large" />
      ))}
      <ul className="grid" aria-label={t('people.inRoom', { count: participants.length + 1 })}>
        {me && self.publishing && (
          <li>
            <SelfTile track={self.video} name={me.name} muted={self.audioMuted} cameraOff={self.videoMuted} />
          </li>
        )}
        {shown.map((p) => (
          <li key={p.identity}>
            <ParticipantTile participant={p} />
            {canMute && p.tracks.some((track) => track.source === 'microphone' && !track.muted) && <MuteButton participant={p} />}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="grid-pager" aria-label={t('people.morePeople')}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('people.previousPage', { count: MAX_VIDEO_TILES })}
          </button>
          <span data-testid="grid-page">
            {t('people.page', { page: page + 1, pages })}
            {speakingElsewhere.length > 0 ? t('people.speakingElsewhere', { names: speakingElsewhere.join(', ') }) : ''}
          </span>
          <button type="button" className="secondary" disabled={page === pages - 1} onClick={() => setPage(page + 1)}>
            {t('people.nextPage', { count: MAX_VIDEO_TILES })}
          </button>
        </nav>
      )}
      {participants.length === 0 && <p className="hint">{t('people.none')}</p>}
    </div>
  );
}

/**
 * The stage: only the people who publish (speakers, moderators, guests on stage), large; screens first.
 * `beside`: small, next to a share or the slides (presenting/StageLayout), which then shows the screen.
 */
export function StageTiles({ beside = false }: { beside?: boolean }) {
  const participants = useLw((s) => s.media.participants);
  const me = useMe();
  const self = useLwShallow((s) => ({ video: s.media.local.video, publishing: s.media.publishing, audioMuted: s.media.audioMuted, videoMuted: s.media.videoMuted }));
  const onStage = participants.filter((p) => p.tracks.some((t) => t.source === 'camera' || t.source === 'microphone' || t.source === 'screen_share'));
  const screens = beside ? [] : onStage.filter((p) => p.tracks.some((t) => t.kind === 'video' && t.source === 'screen_share'));
  return (
    <div className={beside ? 'stage-tiles stage-tiles-beside' : 'stage-tiles'}>
      {screens.map((p) => (
        <ParticipantTile key={`${p.identity}-screen`} participant={p} source="screen_share" size="large" />
      ))}
      <ul className="grid grid-stage" aria-label={t('people.onStage')}>
        {me && self.publishing && (
          <li>
            <SelfTile track={self.video} name={me.name} muted={self.audioMuted} cameraOff={self.videoMuted} />
          </li>
        )}
        {onStage.map((p) => (
          <li key={p.identity}>
            <ParticipantTile participant={p} size={beside ? 'normal' : 'large'} />
          </li>
        ))}
      </ul>
      {onStage.length === 0 && !self.publishing && <p className="hint">{t('people.emptyStage')}</p>}
    </div>
  );
}

/** Mute someone's microphone in this room (they may unmute themselves); the outcome is announced. */
function MuteButton({ participant }: { participant: RemoteParticipantView }) {
  const [busy, setBusy] = useState(false);
  const mute = async () => {
    setBusy(true);
    const result = await request(EVENTS.roomMute, { participantId: participant.identity });
    setBusy(false);
    announce(result.ok ? t('people.mutedSomeone', { name: participant.name }) : refusalWords(result));
  };
  return (
    <button type="button" className="secondary small" disabled={busy} onClick={() => void mute()} data-testid="mute-participant">
      {t('people.mute', { name: participant.name })}
    </button>
  );
}
