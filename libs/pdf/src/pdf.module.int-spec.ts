import { Test } from '@nestjs/testing';
import { PdfModule } from './pdf.module';
import { PdfRenderer } from './renderer';

describe('PdfModule', () => {
  it('provides one PdfRenderer and closes its Chromium when the application shuts down', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [PdfModule.forRoot({ poolSize: 1 })] }).compile();
    const app = await moduleRef.init(); // a TestingModule is an application context
    const renderer = app.get(PdfRenderer);
    const pdf = await renderer.render('<p>模块</p>');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pid = renderer.browserPid() as number;
    await app.close();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    await expect(renderer.render('<p>x</p>')).rejects.toThrow(/closed/);
  });
});
