// What a page really plays and over which path its media flows: the level of the remote audio,
// and the candidate pairs WebRTC selected (host UDP, ICE over TCP, or a TURN relay over TLS).
import type { BrowserContext, Page } from 'playwright-core';

/** Peak level (0–1) of the remote audio a page plays, listened to for `windowMs`. */
export function remoteAudioPeak(page: Page, windowMs = 1500): Promise<number> {
  return page.evaluate(async (ms) => {
    const streams = Array.from(document.querySelectorAll('audio'))
      .map((a) => a.srcObject)
      .filter((s): s is MediaStream => s instanceof MediaStream && s.getAudioTracks().length > 0);
    if (streams.length === 0) return 0;
    const context = new AudioContext();
    await context.resume();
    const analysers = streams.map((stream) => {
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      return analyser;
    });
    const buffer = new Float32Array(2048);
    let peak = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      for (const analyser of analysers) {
        analyser.getFloatTimeDomainData(buffer);
        for (const v of buffer) peak = Math.max(peak, Math.abs(v));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await context.close();
    return peak;
  }, windowMs);
}

/**
 * Keep a reference to every RTCPeerConnection the pages of `context` create (in
 * `window.__lwPeerConnections`), so a test can read their stats. The connections are the
 * browser's own, unchanged. Their ICE events go to the console (`[ice] …`), for the artifacts
 * of a run that fails.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const all: RTCPeerConnection[] = [];
    (window as unknown as { __lwPeerConnections: RTCPeerConnection[] }).__lwPeerConnections = all;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        all.push(this);
        const n = all.length;
        this.addEventListener('icecandidate', (e) => console.log(`[ice] pc${n} local ${e.candidate?.candidate ?? '(gathering done)'}`));
        this.addEventListener('icegatheringstatechange', () => console.log(`[ice] pc${n} gathering ${this.iceGatheringState}`));
        this.addEventListener('iceconnectionstatechange', () => console.log(`[ice] pc${n} connection ${this.iceConnectionState}`));
      }
    };
  });
}

/** The local side of a selected candidate pair: how the page's media leaves it. */
export interface MediaPath {
  /** host, srflx, prflx or relay. */
  readonly candidateType: string;
  /** udp or tcp, as the page reports its own candidate (a peer-reflexive one may say udp over TCP). */
  readonly protocol: string;
  /** udp or tcp: the protocol of the server's candidate the page talks to (LiveKit's ICE port, or the TURN relay's). */
  readonly remoteProtocol: string;
  readonly remotePort: number;
  /**
   * For a relayed pair, how the page reaches the TURN server (udp, tcp, tls); null otherwise.
   * Chromium may call a relayed candidate "prflx" (when the SFU sees the relay from another of
   * the server's addresses), but it always reports the relay protocol.
   */
  readonly relayProtocol: string | null;
  readonly bytesReceived: number;
  /** The page's own address and port in that pair (a relay's is the TURN server's). */
  readonly localAddress: string;
}

/** The selected candidate pair of every connected RTCPeerConnection of the page (see recordPeerConnections). */
export function mediaPaths(page: Page): Promise<MediaPath[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __lwPeerConnections?: RTCPeerConnection[] }).__lwPeerConnections ?? [];
    const paths: MediaPath[] = [];
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((s: Record<string, unknown>) => byId.set(s.id as string, s));
      for (const s of byId.values()) {
        if (s.type !== 'transport' || !s.selectedCandidatePairId) continue;
        const pair = byId.get(s.selectedCandidatePairId as string);
        const local = pair && byId.get(pair.localCandidateId as string);
        const remote = pair && byId.get(pair.remoteCandidateId as string);
        if (!pair || !local || !remote) continue;
        paths.push({
          candidateType: String(local.candidateType), protocol: String(local.protocol),
          remoteProtocol: String(remote.protocol), remotePort: Number(remote.port),
          relayProtocol: (local.relayProtocol as string | undefined) ?? null, localAddress: `${String(local.address)}:${String(local.port)}`, bytesReceived: Number(pair.bytesReceived ?? 0),
        });
      }
    }
    return paths;
  });
}

/** "TURN relay over tls", "ICE over tcp (7881)", "ICE over udp (7882)": one path in words. */
export const describePath = (p: MediaPath) => (p.relayProtocol !== null
  ? `TURN relay over ${p.relayProtocol ?? '?'}`
  : `ICE over ${p.remoteProtocol} (${p.remotePort})`);
