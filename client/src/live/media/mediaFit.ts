// Media that fits the machine and the room: how many videos a room shows at once, and which
// simulcast layers a camera publishes for the room it joins. Pure: the adapter and the grid use it.

/** The most remote cameras a room's grid shows at once (with our own tile, a 3×3 grid); the rest are paged. */
export const MAX_VIDEO_TILES = 8;

/** One page of a list, and how many pages there are (page is clamped to what exists). */
export function pageOf<T>(items: readonly T[], page: number, perPage = MAX_VIDEO_TILES): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(at * perPage, (at + 1) * perPage), page: at, pages };
}

/** Lower simulcast layers, named by height, in addition to the captured 640×360 (see localMedia.ts). */
export type LowerLayer = 'h90' | 'h180';

/**
 * The lower layers a camera publishes, for a room where `others` other people are connected.
 * - Alone or with one other person: none. The other page shows us as a large tile and always
 *   wants the top layer, so a second encode would only cost the sender's CPU.
 * - Up to a page of tiles: one (180p), for a viewer on a weak link or a narrow window.
 * - More than a page: two (90p and 180p): tiles are small and most viewers see us paged out.
 * LiveKit's dynacast stops encoding the layers nobody subscribes to, and adaptive stream picks the
 * layer each viewer's tile needs, so the choice here bounds the sender's work, not the viewers'.
 */
export function cameraLayersFor(others: number): LowerLayer[] {
  if (others <= 1) return [];
  if (others <= MAX_VIDEO_TILES) return ['h180'];
  return ['h90', 'h180'];
}
