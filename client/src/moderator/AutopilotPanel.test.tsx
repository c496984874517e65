import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryProvider } from '../net/queryClient.js';
import { EVENT } from '../testing/fixtures.js';
import { AutopilotPanel } from './AutopilotPanel.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const status = (state: 'run' | 'hold') => ({ enabled: true, state, next: null });

test('after two agenda changes, a slow answer to the first read never replaces the answer to the second', async () => {
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let reads = 0;
  vi.stubGlobal('fetch', async () => {
    reads += 1;
    if (reads === 1) {
      await firstHeld;
      return new Response(JSON.stringify(status('run')), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify(status('hold')), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const panel = (version: number) => (
    <QueryProvider>
      <AutopilotPanel credential="c" event={EVENT} agendaVersion={version} />
    </QueryProvider>
  );
  const { rerender } = render(panel(1));
  rerender(panel(2));
  expect((await screen.findByTestId('autopilot-state')).textContent).toBe('On hold');
  releaseFirst();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getByTestId('autopilot-state').textContent).toBe('On hold');
});
