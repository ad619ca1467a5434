import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PdfRenderer, PdfRendererOptions } from './renderer';

/**
 * Makes one `PdfRenderer` injectable everywhere (one Chromium per process, not per feature) and
 * closes it at shutdown, so no Chromium outlives the app. Chromium starts with the first render.
 */
@Global()
@Module({})
export class PdfModule implements OnApplicationShutdown {
  constructor(@Inject(PdfRenderer) private readonly renderer: PdfRenderer) {}

  static forRoot(options: PdfRendererOptions = {}): DynamicModule {
    return {
      module: PdfModule,
      providers: [{ provide: PdfRenderer, useFactory: () => new PdfRenderer(options) }],
      exports: [PdfRenderer],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }
}
