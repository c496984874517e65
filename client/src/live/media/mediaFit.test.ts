import { describe, expect, it } from 'vitest';
import { cameraLayersFor, MAX_VIDEO_TILES, pageOf } from './mediaFit.js';

describe('pageOf', () => {
  const people = Array.from({ length: 19 }, (_, i) => `p${i}`);
  it('cuts the list into pages of MAX_VIDEO_TILES, the last one shorter', () => {
    expect(pageOf(people, 0)).toEqual({ items: people.slice(0, MAX_VIDEO_TILES), page: 0, pages: 3 });
    expect(pageOf(people, 2).items).toEqual(people.slice(16));
  });
  it('clamps a page that no longer exists (people left) to the last one, and an empty room to one page', () => {
    expect(pageOf(people, 7).page).toBe(2);
    expect(pageOf(people, -1).page).toBe(0);
    expect(pageOf([], 3)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe('cameraLayersFor', () => {
  it('publishes one layer to one viewer, a 180p layer to a page of viewers, and 90p too beyond a page', () => {
    expect([0, 1, 2, MAX_VIDEO_TILES, MAX_VIDEO_TILES + 1, 40].map(cameraLayersFor)).toEqual([[], [], ['h180'], ['h180'], ['h90', 'h180'], ['h90', 'h180']]);
  });
});
