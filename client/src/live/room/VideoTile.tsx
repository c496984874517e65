import type { RemoteParticipantView, RemoteTrackRef } from '../media/livekit/types.js';
import { useLocalTrack, useRemoteTrack } from '../media/useTrack.js';
import { t } from '../../i18n/i18n.js';
import { PersonVolume } from '../media/VolumeControl.js';

/** A remote camera or screen; `data-name` says whose in any language (tests find a person's video by it). */
function RemoteVideo({ track, label, name }: { track: RemoteTrackRef; label: string; name: string }) {
  const ref = useRemoteTrack<HTMLVideoElement>(track);
  return <video ref={ref} className="video" autoPlay playsInline muted aria-label={label} data-testid="remote-video" data-name={name} />;
}

/** One person: their camera (or screen) large, their name, whether they speak, and how loud we hear them. */
export function ParticipantTile({ participant, source = 'camera', size = 'normal' }: { participant: RemoteParticipantView; source?: 'camera' | 'screen_share'; size?: 'normal' | 'large' }) {
  const video = participant.tracks.find((t) => t.kind === 'video' && t.source === source && !t.muted) ?? null;
  const mic = participant.tracks.find((t) => t.kind === 'audio' && t.source === 'microphone') ?? null;
  const name = source === 'screen_share' ? t('people.screenOf', { name: participant.name }) : participant.name;
  return (
    <figure className={`tile tile-${size}${participant.isSpeaking ? ' tile-speaking' : ''}`}>
      {video ? <RemoteVideo track={video} label={t('people.videoOf', { name })} name={name} /> : <div className="tile-placeholder" aria-hidden="true">{participant.name.slice(0, 1).toUpperCase()}</div>}
      <figcaption>
        {name}
        {source === 'camera' && (!mic || mic.muted) && <span className="badge"> {t('people.muted')}</span>}
        {participant.isSpeaking && <span className="sr-only"> {t('people.speaking')}</span>}
      </figcaption>
      {source === 'camera' && mic && <PersonVolume identity={participant.identity} name={participant.name} />}
    </figure>
  );
}

/** Our own camera, mirrored, as others see it. */
export function SelfTile({ track, name, muted, cameraOff }: { track: MediaStreamTrack | null; name: string; muted: boolean; cameraOff: boolean }) {
  const ref = useLocalTrack<HTMLVideoElement>(cameraOff ? null : track);
  return (
    <figure className="tile tile-self">
      {track && !cameraOff ? <video ref={ref} className="video mirrored" autoPlay playsInline muted aria-label={t('people.ownCamera')} /> : <div className="tile-placeholder" aria-hidden="true">{name.slice(0, 1).toUpperCase()}</div>}
      <figcaption>
        {t('people.you', { name })}{muted && <span className="badge"> {t('people.muted')}</span>}
      </figcaption>
    </figure>
  );
}
