// Test PDFs made on the spot with pdf-lib (no binary in the repository): N pages, each saying its number.
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A small PDF of `pages` pages, "Slide 1" … "Slide N" in large type. */
export async function makeTestPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([960, 540]).drawText(`Slide ${i}`, { x: 80, y: 260, size: 96, font });
  return doc.save();
}
