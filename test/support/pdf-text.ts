import { execFileSync } from 'node:child_process';
import type { Test } from 'supertest';

/** The PDF's text as pdftotext extracts it, columns kept (check the text, not font names). */
export function textOf(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** Collects a response's bytes whatever its type (a PDF, a spreadsheet, a ZIP). */
export const binary = (req: Test) =>
  req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (d: Buffer) => chunks.push(d));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** The text with every run of white space made one space, so a row reads as one line of cells. */
export const squeezed = (text: string) => text.replace(/[ \t]+/g, ' ');
