import { Router, raw } from 'express';
import { WebhookReceiver } from 'livekit-server-sdk';
import { activeFromOf } from '@live-workshop/shared';
import type { Presence } from '../live/agenda/presence.js';
import type { Log } from '../platform/log.js';
import { WebhookReplayGuard } from './webhookReplay.js';

/**
 * LiveKit webhooks, signature verified: the truth about who is in which room. One LiveKit serves
 * every event of a deployment and calls one URL, so each verified event goes to every open
 * event's presence, and each takes only its own rooms (room names start with the event id).
 */
export function webhookRoutes(deps: { apiKey: string; apiSecret: string; presences: () => Iterable<Presence>; log: Log; now: () => number }): Router {
  const receiver = new WebhookReceiver(deps.apiKey, deps.apiSecret);
  const replays = new WebhookReplayGuard(deps.now);
  const router = Router();
  router.post('/livekit/webhook', raw({ type: '*/*', limit: '256kb' }), async (req, res) => {
    let event;
    try {
      const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      event = await receiver.receive(body, req.get('Authorization'));
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'webhook refused');
      res.status(401).json({ code: 'unauthorized', message: 'Webhook signature invalid.' });
      return;
    }
    const room = event.room?.name;
    const identity = event.participant?.identity;
    if (!replays.take(event.id, Number(event.createdAt ?? 0), room && identity ? `${room}\n${identity}` : null)) {
      deps.log.info({ id: event.id, event: event.event }, 'webhook replay or stale event ignored');
      res.status(200).json({ ok: true, ignored: true });
      return;
    }
    for (const presence of deps.presences()) {
      if (room && identity && event.event === 'participant_joined') presence.joined(room, identity, activeFromOf(event.participant?.attributes));
      else if (room && identity && event.event === 'participant_left') presence.left(room, identity);
      else if (room && event.event === 'room_finished') presence.roomFinished(room);
    }
    res.status(200).json({ ok: true });
  });
  return router;
}
