import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * The QR codes printed on a PDF, page by page, as a phone would read them: each page rasterised at
 * 150 dpi (pdftoppm) and decoded with jsQR. An empty list: no page carries a readable code.
 */
export function qrCodesOf(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'careops-qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const found: string[] = [];
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()) {
      const png = PNG.sync.read(readFileSync(join(dir, file)));
      const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      if (code) found.push(code.data);
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
