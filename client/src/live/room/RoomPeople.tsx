import { useLw, useLwShallow, useMe } from '../../session/useLw.js';
import { ParticipantTile, SelfTile } from './VideoTile.js';
import { t } from '../../i18n/i18n.js';

/** Everyone in the room as a grid, ourselves first (breakouts, backstage). */
export function RoomGrid() {
  const participants = useLw((s) => s.media.participants);
  const me = useMe();
  const self = useLwShallow((s) => ({
    video: s.media.local.video,
    publishing: s.media.publishing,
    audioMuted: s.media.audioMuted,
    videoMuted: s.media.videoMuted,
  }));
  const screens = participants.filter((p) => p.tracks.some((t) => t.kind === 'video' && t.source === 'screen_share'));
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
        {participants.map((p) => (
          <li key={p.identity}>
            <ParticipantTile participant={p} />
          </li>
        ))}
      </ul>
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
