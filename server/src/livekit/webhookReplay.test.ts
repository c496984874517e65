import { describe, expect, test } from 'vitest';
import { WEBHOOK_ID_MEMORY_MS, WEBHOOK_IDS_KEPT, WebhookReplayGuard } from './webhookReplay.js';

describe('WebhookReplayGuard', () => {
  test('an event id is taken once', () => {
    const guard = new WebhookReplayGuard(() => 0);
    expect(guard.take('EV_1', 10, 'room\nann')).toBe(true);
    expect(guard.take('EV_1', 10, 'room\nann')).toBe(false);
    expect(guard.take('', 10, null)).toBe(false);
  });

  test('for one person in one room, an event older than the last taken is stale; others are not held back', () => {
    const guard = new WebhookReplayGuard(() => 0);
    expect(guard.take('EV_left', 20, 'room\nann')).toBe(true);
    expect(guard.take('EV_joined_earlier', 10, 'room\nann')).toBe(false);
    expect(guard.take('EV_bob', 10, 'room\nbob')).toBe(true);
    expect(guard.take('EV_same_second', 20, 'room\nann')).toBe(true);
  });

  test('ids are forgotten after the memory window, and at most WEBHOOK_IDS_KEPT are kept', () => {
    let now = 0;
    const guard = new WebhookReplayGuard(() => now);
    guard.take('EV_old', 1, null);
    now = WEBHOOK_ID_MEMORY_MS + 1;
    expect(guard.take('EV_old', 1, null)).toBe(true);
    for (let i = 0; i <= WEBHOOK_IDS_KEPT; i++) guard.take(`EV_${i}`, 1, null);
    expect(guard.take('EV_0', 1, null)).toBe(true);
    expect(guard.take(`EV_${WEBHOOK_IDS_KEPT}`, 1, null)).toBe(false);
  });
});
