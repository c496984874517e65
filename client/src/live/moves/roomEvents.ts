/** One media room's events: remembered as they come, and mirrored into the store while it is the room we are in. */
import type { MediaConnectionState, MediaDisconnectReason, MediaRoomAdapter, RemoteParticipantView } from '../media/livekit/types.js';
import { setAudioBlocked, setCanPublish, setMediaConnection, setRoomParticipants, setScreenSharing } from '../../session/store/actions.js';

/** What a room told us, also before it became the room we are in. */
export interface RoomLatest {
  participants: readonly RemoteParticipantView[];
  canPublish: boolean | null;
  connection: MediaConnectionState;
}

/**
 * Follow a room: its latest facts, mirrored into the store while `isActive()`; `onLost` when it
 * closes while active. Returns the facts (updated in place) and how to stop following.
 */
export function followRoom(adapter: MediaRoomAdapter, isActive: () => boolean, onLost: (reason: MediaDisconnectReason) => void): { latest: RoomLatest; unsubscribe: () => void } {
  const latest: RoomLatest = { participants: [], canPublish: null, connection: 'disconnected' };
  const offs = [
    adapter.on('participantsChanged', (participants) => {
      latest.participants = participants;
      if (isActive()) setRoomParticipants(participants);
    }),
    adapter.on('connectionChanged', (state) => {
      latest.connection = state;
      if (isActive()) setMediaConnection(state);
    }),
    adapter.on('permissionsChanged', (canPublish) => {
      latest.canPublish = canPublish;
      if (isActive()) setCanPublish(canPublish);
    }),
    adapter.on('audioPlaybackChanged', (canPlay) => {
      if (isActive()) setAudioBlocked(!canPlay);
    }),
    adapter.on('screenShareChanged', (sharing) => {
      if (isActive()) setScreenSharing(sharing);
    }),
    adapter.on('disconnected', (reason) => {
      if (isActive()) onLost(reason);
    }),
  ];
  return { latest, unsubscribe: () => offs.forEach((off) => off()) };
}
