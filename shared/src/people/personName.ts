// A person's name as everyone sees it: in chat, on tiles, in the roster. Characters that change
// how the text around them is shown (bidi overrides and isolates, zero-width joiners and spaces,
// control characters such as NUL) are removed, so a name cannot hide, reorder or imitate text;
// compatibility forms are folded (NFKC: fullwidth letters become ordinary ones); runs of spaces
// become one. Roles are never read from a name: the server's role is shown beside it.

/** Bidi controls (LRE…RLO, LRI…PDI, LRM/RLM/ALM), zero-width and invisible formatting, C0/C1 controls. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/** The name to store and show for what someone typed. */
export function normalisePersonName(typed: string): string {
  return typed.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}
