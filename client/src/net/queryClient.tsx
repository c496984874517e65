/**
 * Data fetching for everything that reads the HTTP API (the event, privacy and verify pages, the end
 * screen, the moderator console): TanStack Query, so that only the answer to the latest request is
 * ever shown (a slow older one cannot overwrite it), with one place for the defaults. Each of those
 * is loaded on demand and brings its own provider, so the app's entry chunk does not carry the library.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/** Defaults for the API: one retry, no refetch just because the window got focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

/** A query client for the page below it, made once per mount. */
export function QueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [own] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
}
