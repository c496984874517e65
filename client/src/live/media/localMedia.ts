import { t } from '../../i18n/i18n.js';
/** Capturing the camera and microphone once, before joining; the same tracks then go to every room. */

/** Why capture failed, as a closed set. */
export type CaptureProblem = 'denied' | 'no_device' | 'in_use' | 'unsupported' | 'unknown';

/** Words for a capture problem. */
/** What to do about a capture problem, in the reader's language. */
export const captureProblemWords = (problem: CaptureProblem): string => t(`capture.${problem}`);

/** Map a getUserMedia error to a problem. */
export function captureProblem(error: unknown): CaptureProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no_device';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    case 'Unsupported':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/** Chosen devices; undefined means the browser's default. */
export interface DeviceChoice {
  readonly audioDeviceId?: string;
  readonly videoDeviceId?: string;
}

/** A captured camera and microphone (either may be missing). */
export interface CapturedMedia {
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
}

const VIDEO_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } };

/**
 * Capture microphone and camera. When both fail for lack of one device, try each alone,
 * so a laptop without a camera still gets its microphone.
 */
export async function captureMedia(choice: DeviceChoice = {}): Promise<CapturedMedia> {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  if (!md?.getUserMedia) throw Object.assign(new Error('unsupported'), { name: 'Unsupported' });
  const audio: MediaTrackConstraints | boolean = choice.audioDeviceId ? { deviceId: { exact: choice.audioDeviceId } } : true;
  const video: MediaTrackConstraints = choice.videoDeviceId ? { ...VIDEO_CONSTRAINTS, deviceId: { exact: choice.videoDeviceId } } : VIDEO_CONSTRAINTS;
  try {
    const stream = await md.getUserMedia({ audio, video });
    return { audio: stream.getAudioTracks()[0] ?? null, video: stream.getVideoTracks()[0] ?? null };
  } catch (error) {
    if (captureProblem(error) !== 'no_device') throw error;
    const [a, v] = await Promise.allSettled([md.getUserMedia({ audio }), md.getUserMedia({ video })]);
    const result = {
      audio: a.status === 'fulfilled' ? (a.value.getAudioTracks()[0] ?? null) : null,
      video: v.status === 'fulfilled' ? (v.value.getVideoTracks()[0] ?? null) : null,
    };
    if (!result.audio && !result.video) throw error;
    return result;
  }
}

/** Stop captured tracks (when choosing another device or leaving). */
export function stopMedia(media: CapturedMedia): void {
  media.audio?.stop();
  media.video?.stop();
}

/** The cameras and microphones the browser lists (labels appear once permission is given). */
export async function listDevices(): Promise<{ audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] }> {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  if (!md?.enumerateDevices) return { audio: [], video: [] };
  const devices = await md.enumerateDevices();
  return { audio: devices.filter((d) => d.kind === 'audioinput' && d.deviceId), video: devices.filter((d) => d.kind === 'videoinput' && d.deviceId) };
}

/**
 * Watch a microphone's level (0..1) about ten times a second; returns the stop function.
 * Does nothing where Web Audio is missing.
 */
export function watchLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const Ctx = typeof window !== 'undefined' ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) : undefined;
  if (!Ctx) return () => undefined;
  const ctx = new Ctx();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  // Browsers start an AudioContext suspended until the page is clicked or typed in.
  const resume = () => void ctx.resume().catch(() => undefined);
  if (ctx.state === 'suspended') {
    resume();
    window.addEventListener('pointerdown', resume, { once: true });
    window.addEventListener('keydown', resume, { once: true });
  }
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(data);
    let sum = 0;
    for (const v of data) sum += ((v - 128) / 128) ** 2;
    onLevel(Math.min(1, Math.sqrt(sum / data.length) * 4));
  }, 100);
  return () => {
    clearInterval(timer);
    window.removeEventListener('pointerdown', resume);
    window.removeEventListener('keydown', resume);
    source.disconnect();
    void ctx.close();
  };
}
