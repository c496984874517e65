// Which network path a page's media takes: the ICE candidate pairs its peer connections use.
// The page is the real app; a script added before it loads only keeps a list of the
// RTCPeerConnections it creates (nothing about the browser's WebRTC settings changes).
import type { BrowserContext, Page } from 'playwright-core';

/** One candidate pair in use: protocol, addresses and candidate types of both ends. */
export interface MediaPath {
  readonly protocol: string;
  /** "10.99.0.1:50123 host" (the address may be an mDNS name for the browser's own side). */
  readonly local: string;
  readonly remote: string;
  /** Candidate type of the remote end: host, srflx, prflx or relay (TURN). */
  readonly remoteType: string;
  /** The remote end's IP address (LiveKit's, or its TURN server's for relay). */
  readonly remoteAddress: string;
  /** Whether the browser's own end is a TURN relay candidate. */
  readonly viaRelay: boolean;
}

/** Keep the page's RTCPeerConnections in `window.__lwPeerConnections`, for `mediaPaths`. */
export async function trackPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const list: RTCPeerConnection[] = [];
    (window as unknown as { __lwPeerConnections: RTCPeerConnection[] }).__lwPeerConnections = list;
    class Tracked extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        list.push(this);
      }
    }
    window.RTCPeerConnection = Tracked;
  });
}

/** The candidate pairs carrying media right now (succeeded and nominated), over every peer connection of the page. */
export function mediaPaths(page: Page): Promise<MediaPath[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __lwPeerConnections?: RTCPeerConnection[] }).__lwPeerConnections ?? [];
    const paths: MediaPath[] = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((s: Record<string, unknown>) => byId.set(s.id as string, s));
      stats.forEach((s: Record<string, unknown>) => {
        if (s.type !== 'candidate-pair' || s.state !== 'succeeded' || !s.nominated) return;
        const local = byId.get(s.localCandidateId as string) ?? {};
        const remote = byId.get(s.remoteCandidateId as string) ?? {};
        const describe = (c: Record<string, unknown>) => `${String(c.address ?? '?')}:${String(c.port ?? '?')} ${String(c.candidateType ?? '?')}`;
        paths.push({
          protocol: String(local.relayProtocol ?? local.protocol ?? '?'),
          local: describe(local), remote: describe(remote),
          remoteType: String(remote.candidateType ?? '?'), remoteAddress: String(remote.address ?? '?'),
          viaRelay: local.candidateType === 'relay',
        });
      });
    }
    return paths;
  });
}
