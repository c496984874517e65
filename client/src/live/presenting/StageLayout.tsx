import { useLw } from '../../session/useLw.js';
import { ParticipantTile } from '../room/VideoTile.js';
import { StageTiles } from '../room/RoomPeople.js';
import { SlidesView } from './SlidesView.js';
import { useT } from '../../i18n/useT.js';

/**
 * The stage: a screen share large with the cameras small beside it; else the slides (drawn by this
 * page) the same way; else the cameras large. Stopping a share returns to the slides or the cameras.
 */
export function StageLayout() {
  const t = useT();
  const sharer = useLw((s) => s.media.participants.find((p) => p.tracks.some((t) => t.kind === 'video' && t.source === 'screen_share')) ?? null);
  const slidesUp = useLw((s) => s.presenting.slides !== null);
  if (!sharer && !slidesUp) return <StageTiles />;
  return (
    <div className="stage-presenting" data-testid={sharer ? 'stage-share' : 'stage-slides'}>
      <div className="stage-main">{sharer ? <ParticipantTile participant={sharer} source="screen_share" size="large" /> : <SlidesView />}</div>
      <aside className="stage-beside" aria-label={t('speaker.camerasOnStage')}>
        <StageTiles beside />
      </aside>
    </div>
  );
}
