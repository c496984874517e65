// How a screen or tab is captured and sent: tuned for text (slides, documents, code) over motion.
import { ScreenSharePresets, type ScreenShareCaptureOptions, type TrackPublishOptions } from 'livekit-client';

/** Capture: 1280×720 at up to 15 fps, the tab's sound where the browser offers it, marked as detailed content. */
export const SCREEN_SHARE_CAPTURE: ScreenShareCaptureOptions = {
  audio: true,
  systemAudio: 'include',
  resolution: ScreenSharePresets.h720fps15.resolution,
  // 'detail': the encoder keeps edges sharp and drops frames rather than resolution.
  contentHint: 'detail',
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'include',
};

/**
 * Publishing: 720p at 15 fps within 1.5 Mbit/s, plus a 360p layer at 3 fps (simulcast) for weak
 * connections and small screens; under pressure the resolution is kept and the frame rate gives.
 */
export const SCREEN_SHARE_PUBLISH: TrackPublishOptions = {
  screenShareEncoding: ScreenSharePresets.h720fps15.encoding,
  screenShareSimulcastLayers: [ScreenSharePresets.h360fps3],
  simulcast: true,
  degradationPreference: 'maintain-resolution',
};
