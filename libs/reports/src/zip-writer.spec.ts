import { unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { ZipWriter } from './zip-writer';

describe('ZipWriter', () => {
  it('writes every file added, under its UTF-8 name, bytes intact', () => {
    const files = [
      { name: 'claim-2026-0001.pdf', data: Buffer.from('%PDF-1.7 '.repeat(500)) },
      { name: '申领表-2026-02.pdf', data: Buffer.from([0, 1, 2, 255]) },
    ];
    const zip = new ZipWriter();
    for (const f of files) zip.add(f.name, f.data, new Date('2026-01-05T08:00:00'));
    const read = unzipSync(zip.end());
    expect(Object.keys(read)).toEqual(files.map((f) => f.name));
    for (const f of files) expect(crc32(read[f.name])).toBe(crc32(f.data));
  });

  it('writes an empty archive when nothing was added', () => {
    expect(Object.keys(unzipSync(new ZipWriter().end()))).toEqual([]);
  });
});
