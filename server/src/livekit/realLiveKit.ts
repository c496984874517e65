import { AccessToken, RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { ACTIVE_FROM_ATTRIBUTE, activeFromOf, type PublishSource } from '@live-workshop/shared';
import type { LiveKitPort, TokenGrant } from './livekitPort.js';

/** Settings to reach a LiveKit server. */
export interface LiveKitSettings {
  /** ws(s):// URL browsers use. */
  readonly url: string;
  /** http(s):// URL of the room API as seen from the server; default: `url` with ws→http. */
  readonly apiUrl?: string | undefined;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** Our source names as LiveKit's protocol enum. */
const TRACK_SOURCES: Record<PublishSource, TrackSource> = {
  camera: TrackSource.CAMERA, microphone: TrackSource.MICROPHONE, screen_share: TrackSource.SCREEN_SHARE, screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};
const trackSources = (sources: readonly PublishSource[]) => sources.map((s) => TRACK_SOURCES[s]);

const httpUrlOf = (wsUrl: string) => wsUrl.replace(/^ws/, 'http');

const isNotFound = (err: unknown) => typeof err === 'object' && err !== null && 'status' in err && (err as { status: number }).status === 404;

/**
 * LiveKit through livekit-server-sdk: tokens minted locally, room API over HTTP. Nobody may publish
 * data messages: the client needs none (chat, hands and help go through the server, with limits),
 * and an attendee's data would reach every other attendee of the room unchecked. Which sources may
 * be published is named too, so LiveKit itself refuses a screen share from anyone not on stage.
 */
export function realLiveKit(settings: LiveKitSettings): LiveKitPort {
  const rooms = new RoomServiceClient(settings.apiUrl ?? httpUrlOf(settings.url), settings.apiKey, settings.apiSecret);
  return {
    url: settings.url,
    async mintToken(grant: TokenGrant) {
      const token = new AccessToken(settings.apiKey, settings.apiSecret, {
        identity: grant.identity, name: grant.name, ttl: grant.ttlSeconds, metadata: grant.metadata,
        ...(grant.activeFrom === undefined ? {} : { attributes: { [ACTIVE_FROM_ATTRIBUTE]: String(grant.activeFrom) } }),
      });
      token.addGrant({
        room: grant.room, roomJoin: true, canSubscribe: true, canPublish: grant.canPublish, canPublishSources: trackSources(grant.canPublishSources), canPublishData: false, canUpdateOwnMetadata: false,
        hidden: grant.hidden ?? false,
      });
      return token.toJwt();
    },
    async setCanPublish(room, identity, canPublish, sources) {
      try {
        await rooms.updateParticipant(room, identity, {
          permission: { canPublish, canPublishSources: trackSources(sources), canSubscribe: true, canPublishData: false },
        });
      } catch (err) {
        if (!isNotFound(err)) throw err; // not connected: the next token carries the permission
      }
    },
    async muteMicrophone(room, identity) {
      try {
        const microphones = (await rooms.getParticipant(room, identity)).tracks.filter((t) => t.source === TrackSource.MICROPHONE && !t.muted);
        for (const track of microphones) await rooms.mutePublishedTrack(room, identity, track.sid, true);
        return microphones.length;
      } catch (err) {
        if (isNotFound(err)) return 0; // not in the room: nothing to mute
        throw err;
      }
    },
    async removeParticipant(room, identity) {
      try {
        await rooms.removeParticipant(room, identity);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
    async listIdentities(room) {
      try {
        return (await rooms.listParticipants(room)).map((p) => p.identity);
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
    },
    async listConnections(room) {
      try {
        return (await rooms.listParticipants(room)).map((p) => ({ identity: p.identity, activeFrom: activeFromOf(p.attributes) }));
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
    },
    async listRooms() {
      return (await rooms.listRooms()).map((r) => r.name);
    },
  };
}
