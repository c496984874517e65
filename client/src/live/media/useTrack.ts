import { useEffect, useRef } from 'react';
import type { RemoteTrackRef } from './livekit/types.js';

/** A ref for a <video> or <audio> element that shows a remote track while mounted. */
export function useRemoteTrack<E extends HTMLMediaElement>(track: RemoteTrackRef | null) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !track) return;
    return track.attach(element);
  }, [track]);
  return ref;
}

/** A ref for a <video> or <audio> element that shows one of our own tracks. */
export function useLocalTrack<E extends HTMLMediaElement>(track: MediaStreamTrack | null) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !track || typeof MediaStream === 'undefined') return;
    element.srcObject = new MediaStream([track]);
    return () => {
      element.srcObject = null;
    };
  }, [track]);
  return ref;
}
