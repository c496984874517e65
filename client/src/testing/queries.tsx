/** Tests render data-fetching components inside a fresh query client, as their page does. */
import type { ReactNode } from 'react';
import { QueryProvider } from '../net/queryClient.js';

/** `ui` inside its own QueryClientProvider (no cache shared between tests). */
export function withQueries(ui: ReactNode) {
  return <QueryProvider>{ui}</QueryProvider>;
}
