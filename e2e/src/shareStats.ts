// What a page really receives and sends of a screen share, from WebRTC's own statistics (the
// peer connections kept by mediaChecks.recordPeerConnections): frames decoded per second at
// which size, and the bit rate, over a measuring window.
import type { Page } from 'playwright-core';

/** The largest video a page receives, measured over a window. */
export interface ReceivedVideo {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly kbps: number;
}

/** The received video with the largest frames (the share, next to 640×360 cameras), over `windowMs`; null when none. */
export function largestReceivedVideo(page: Page, windowMs = 3000): Promise<ReceivedVideo | null> {
  return page.evaluate(async (ms) => {
    const pcs = (window as unknown as { __lwPeerConnections?: RTCPeerConnection[] }).__lwPeerConnections ?? [];
    type Sample = { id: string; width: number; height: number; frames: number; bytes: number };
    const sample = async (): Promise<Sample[]> => {
      const found: Sample[] = [];
      for (const pc of pcs) {
        if (pc.connectionState !== 'connected') continue;
        (await pc.getStats()).forEach((s: Record<string, unknown>) => {
          if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
          found.push({ id: `${pc.localDescription?.sdp.length ?? 0}:${String(s.id)}`, width: Number(s.frameWidth ?? 0), height: Number(s.frameHeight ?? 0), frames: Number(s.framesDecoded ?? 0), bytes: Number(s.bytesReceived ?? 0) });
        });
      }
      return found;
    };
    const before = await sample();
    const started = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    const after = await sample();
    const seconds = (performance.now() - started) / 1000;
    const largest = after.filter((s) => s.width > 0).sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!largest) return null;
    const first = before.find((s) => s.id === largest.id) ?? { frames: largest.frames, bytes: largest.bytes };
    return {
      width: largest.width, height: largest.height,
      fps: Math.round(((largest.frames - first.frames) / seconds) * 10) / 10,
      kbps: Math.round(((largest.bytes - first.bytes) * 8) / seconds / 1000),
    };
  }, windowMs);
}

/** What a page sends of its screen share (every simulcast layer), in kbit/s over `windowMs`. */
export function sentScreenShareKbps(page: Page, windowMs = 3000): Promise<{ kbps: number; layers: string[] }> {
  return page.evaluate(async (ms) => {
    const pcs = (window as unknown as { __lwPeerConnections?: RTCPeerConnection[] }).__lwPeerConnections ?? [];
    const sample = async () => {
      const layers = new Map<string, { bytes: number; size: string }>();
      for (const pc of pcs) {
        if (pc.connectionState !== 'connected') continue;
        const stats = await pc.getStats();
        const sources = new Map<string, Record<string, unknown>>();
        stats.forEach((s: Record<string, unknown>) => { if (s.type === 'media-source') sources.set(String(s.id), s); });
        stats.forEach((s: Record<string, unknown>) => {
          if (s.type !== 'outbound-rtp' || s.kind !== 'video') return;
          const source = sources.get(String(s.mediaSourceId));
          // The share is captured at 1280×720; the camera at 640×360.
          if (Number(source?.width ?? 0) < 1280) return;
          layers.set(String(s.id), { bytes: Number(s.bytesSent ?? 0), size: `${String(s.frameWidth ?? '?')}×${String(s.frameHeight ?? '?')}@${String(s.framesPerSecond ?? '?')}` });
        });
      }
      return layers;
    };
    const before = await sample();
    const started = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    const after = await sample();
    const seconds = (performance.now() - started) / 1000;
    let bytes = 0;
    for (const [id, layer] of after) bytes += layer.bytes - (before.get(id)?.bytes ?? layer.bytes);
    return { kbps: Math.round((bytes * 8) / seconds / 1000), layers: [...after.values()].map((l) => l.size) };
  }, windowMs);
}
