import type { Database } from 'better-sqlite3';
import type { MetaStore } from '../../platform/db/metaStore.js';

/** An uploaded deck, without its bytes. */
export interface DeckRecord {
  readonly id: string;
  readonly name: string;
  readonly pages: number;
  readonly uploadedBy: string;
  readonly uploadedAt: number;
}

/** Which deck is up and at which page: saved on every change, so a restart shows the same page. */
export interface SlidesPosition {
  readonly deckId: string;
  readonly page: number;
  readonly by: string;
  readonly at: number;
}

const POSITION_KEY = 'slides.position';

interface Row { id: string; name: string; pages: number; uploaded_by: string; uploaded_at: number }

/** Slide decks (the PDF in the data file, so backups carry it) and the current page (in `meta`). */
export class SqliteSlidesStore {
  private readonly insert;
  private readonly byId;
  private readonly pdfOf;

  constructor(db: Database, private readonly meta: MetaStore) {
    this.insert = db.prepare(`INSERT INTO slide_decks (id, name, pages, pdf, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.byId = db.prepare<[string], Row>(`SELECT id, name, pages, uploaded_by, uploaded_at FROM slide_decks WHERE id = ?`);
    this.pdfOf = db.prepare<[string], { pdf: Buffer }>(`SELECT pdf FROM slide_decks WHERE id = ?`);
  }

  add(deck: DeckRecord, pdf: Uint8Array): void {
    this.insert.run(deck.id, deck.name, deck.pages, Buffer.from(pdf), deck.uploadedBy, deck.uploadedAt);
  }

  deck(id: string): DeckRecord | null {
    const r = this.byId.get(id);
    return r ? { id: r.id, name: r.name, pages: r.pages, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at } : null;
  }

  pdf(id: string): Buffer | null {
    return this.pdfOf.get(id)?.pdf ?? null;
  }

  position(): SlidesPosition | null {
    const json = this.meta.get(POSITION_KEY);
    return json ? (JSON.parse(json) as SlidesPosition) : null;
  }

  setPosition(position: SlidesPosition): void {
    this.meta.set(POSITION_KEY, JSON.stringify(position));
  }
}
