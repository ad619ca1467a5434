import { Zip, ZipDeflate } from 'fflate';

/**
 * A ZIP archive (deflate, UTF-8 names) written as files arrive, by fflate's streaming `Zip`: each
 * file is compressed when added and only its compressed bytes are kept, so a year of claim PDFs
 * never sits in memory uncompressed all at once.
 */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;
  private ended = false;

  constructor() {
    this.zip = new Zip((err, data, final) => {
      if (err) this.failure = err;
      else this.chunks.push(data);
      if (final) this.ended = true;
    });
  }

  add(name: string, data: Uint8Array, modified = new Date()): void {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = modified;
    this.zip.add(file);
    file.push(data, true);
    if (this.failure) throw this.failure;
  }

  /** The whole archive, once every file is in. */
  end(): Buffer {
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.ended) throw new Error('the ZIP archive did not end');
    return Buffer.concat(this.chunks);
  }
}
