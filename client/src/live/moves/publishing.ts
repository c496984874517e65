/**
 * What we send in the room we are in: the same camera and microphone tracks in every room, with
 * the store's mute state. Changes of what we may send without a move (stage promotions) are
 * reconciled one at a time, in order.
 */
import type { LocalMedia, MediaRoomAdapter } from '../media/livekit/types.js';
import { setNotice, setPublishing, setScreenSharing } from '../../session/store/actions.js';
import { lwStore } from '../../session/store/store.js';
import { errorWords } from './moveTiming.js';

/** Whether this page has a camera or microphone to send (it joined with media). */
export function hasTracks(): boolean {
  const { joinMode, local } = lwStore.getState().media;
  return joinMode === 'media' && (local.audio !== null || local.video !== null);
}

/** Our tracks to publish ahead (with nothing sent) in a room we will move to; null where we may not publish, or have none. */
export function tracksToSendIn(canPublish: boolean): LocalMedia | null {
  return canPublish && hasTracks() ? lwStore.getState().media.local : null;
}

/** Publish our tracks in a room we just moved into; resolves to when publishing started, or null. */
export async function publishOnArrival(adapter: MediaRoomAdapter, canPublish: boolean, nowMs: () => number): Promise<number | null> {
  if (!canPublish || !hasTracks()) return null;
  try {
    const { local, audioMuted, videoMuted } = lwStore.getState().media;
    await adapter.publish(local, { audioMuted, videoMuted });
    setPublishing(true);
    return nowMs();
  } catch (error) {
    setNotice({ kind: 'error', text: `You are in the room, but your camera and microphone could not be sent: ${errorWords(error)}` });
    return null;
  }
}

/** Reconciles publishing with what we may do, one change at a time. */
export class PublishingSync {
  private chain: Promise<void> = Promise.resolve();

  /** `room()`: the room we are in now (checked again when the change's turn comes). */
  constructor(private readonly room: () => MediaRoomAdapter | null) {}

  /** Publish or unpublish when what we may do changed. */
  sync(): void {
    this.chain = this.chain.then(async () => {
      const room = this.room();
      if (!room) return;
      const { canPublish, publishing, local, audioMuted, videoMuted } = lwStore.getState().media;
      const should = canPublish && hasTracks();
      try {
        if (should && !publishing) {
          await room.publish(local, { audioMuted, videoMuted });
          if (this.room() === room) setPublishing(true);
        } else if (!should && publishing) {
          await room.unpublish();
          if (this.room() === room) setPublishing(false);
        }
      } catch (error) {
        setNotice({ kind: 'error', text: `Your camera and microphone could not be sent: ${errorWords(error)}` });
      }
    });
  }

  /** Resolves when every change so far is applied. */
  settled(): Promise<void> {
    return this.chain;
  }
}

/** Start or stop sharing the screen in `adapter`'s room; a refusal or failure is shown. */
export async function shareScreen(adapter: MediaRoomAdapter, enabled: boolean): Promise<void> {
  try {
    setScreenSharing(await adapter.setScreenShare(enabled));
  } catch (error) {
    setScreenSharing(false);
    setNotice({ kind: 'error', text: /denied|NotAllowed|Permission/i.test(String(error)) ? 'Screen sharing was not allowed by the browser.' : `Screen sharing failed: ${errorWords(error)}` });
  }
}
