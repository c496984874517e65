import { describe, expect, it } from 'vitest';
import { cacheControlFor, chooseEncoding } from './staticClient.js';

const both = new Set(['br', 'gzip'] as const);
const gzipOnly = new Set(['gzip'] as const);

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['BR', both, 'br'],
    ['br', gzipOnly, null],
    ['*', both, 'br'],
    ['*;q=0', both, null],
    ['identity', both, null],
    ['gzip;q=0', gzipOnly, null],
    [undefined, both, null],
    ['gzip, br', new Set<'br' | 'gzip'>(), null],
  ] as const)('Accept-Encoding %j with %j on disk → %j', (accept, available, expected) => {
    expect(chooseEncoding(accept, available)).toBe(expected);
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/index.html', 'no-cache'],
    ['/assets/index-BzX1c9aQ.js', 'public, max-age=31536000, immutable'],
    ['/assets/livekit-client.esm-D_4r-9aZ.js', 'public, max-age=31536000, immutable'],
    ['/assets/index-Cq3b8oTk.css', 'public, max-age=31536000, immutable'],
    ['/assets/plain.js', 'public, max-age=3600'],
    ['/favicon.svg', 'public, max-age=3600'],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});
