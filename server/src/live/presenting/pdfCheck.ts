import { PDFDocument } from 'pdf-lib';
import { SLIDES_MAX_BYTES, SLIDES_MAX_PAGES } from '@live-workshop/shared';

/** Why an upload is not a deck we show, with words for the speaker. */
export type PdfProblem = { readonly code: 'too_large' | 'invalid_payload'; readonly message: string };

const MB = 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Check an upload before anyone sees it: a PDF by its first bytes (not by its name or the type the
 * browser claims), within the size limit, readable, not encrypted, with 1 to SLIDES_MAX_PAGES pages.
 */
export async function checkPdf(bytes: Uint8Array): Promise<{ ok: true; pages: number } | ({ ok: false } & PdfProblem)> {
  if (bytes.length > SLIDES_MAX_BYTES) {
    return { ok: false, code: 'too_large', message: `The file is ${(bytes.length / MB).toFixed(1)} MB; slides may be at most ${SLIDES_MAX_BYTES / MB} MB. Export the PDF with smaller images.` };
  }
  if (bytes.length < PDF_MAGIC.length || !Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    return { ok: false, code: 'invalid_payload', message: 'This file is not a PDF. Save or export your slides as PDF and upload that file.' };
  }
  let pages: number;
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    pages = doc.getPageCount();
  } catch (err) {
    const encrypted = err instanceof Error && /encrypt/i.test(err.message);
    return {
      ok: false, code: 'invalid_payload',
      message: encrypted ? 'This PDF is password-protected; export it again without a password.' : 'This PDF cannot be read (it may be damaged); export it again and upload the new file.',
    };
  }
  if (pages < 1) return { ok: false, code: 'invalid_payload', message: 'This PDF has no pages.' };
  if (pages > SLIDES_MAX_PAGES) return { ok: false, code: 'invalid_payload', message: `This PDF has ${pages} pages; slides may have at most ${SLIDES_MAX_PAGES}.` };
  return { ok: true, pages };
}
