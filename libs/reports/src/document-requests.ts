import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Response } from 'express';
import { ClsService } from 'nestjs-cls';
import { type RequestContext, scopeOf, withTenantScope } from '@careops/db';
import { RendererBusyError, RendererUnavailableError, RenderTimeoutError } from '@careops/pdf';
import { DomainError } from '@careops/platform';
import type { IssuedDocument } from './document-issuer';
import { contentDisposition, type Draft } from './documents/draft';
import { ReportsService } from './reports.service';

/**
 * A document request in two steps: its facts are read in a transaction of the caller's tenant scope
 * (read-only for regulators), which ends before Chromium renders — a request waiting for the
 * renderer holds no database connection.
 */
@Injectable()
export class DocumentRequests {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly reports: ReportsService,
  ) {}

  read<T>(facilityId: string | undefined, work: () => Promise<T>): Promise<T> {
    return withTenantScope(this.txHost, this.cls, scopeOf(this.cls.get('principal'), facilityId), work);
  }

  /** Sends the issued PDF (or the draft's), or 503 with Retry-After when the renderer's queue is full or Chromium crashed under it. */
  async send(res: Response, facilityId: string | undefined, gather: () => Promise<Draft>): Promise<void> {
    const draft = await this.read(facilityId, gather);
    const doc = await this.issue(res, draft);
    res.setHeader('content-type', 'application/pdf');
    // A draft's names say so (…-draft.pdf, …-estimate.pdf), the ASCII fallback too.
    const ascii = doc.number
      ? draft.d.asciiFileName
      : draft.d.asciiFileName?.replace(/\.pdf$/, `-${(doc.provisional ?? 'DRAFT').toLowerCase()}.pdf`);
    res.setHeader('content-disposition', contentDisposition('inline', doc.fileName, ascii));
    res.setHeader('x-document-sha256', doc.sha256);
    // A registered document says its number and version; a draft (草稿, 预估) has none (docs/rules.md §8).
    if (doc.number) {
      res.setHeader('x-document-number', doc.number);
      res.setHeader('x-document-version', String(doc.version));
      if (doc.replaces) res.setHeader('x-document-replaces', doc.replaces);
    } else {
      res.setHeader('x-document-provisional', doc.provisional ?? 'DRAFT');
    }
    res.send(doc.pdf);
  }

  /** The preview of a draft as HTML: not numbered, not recorded. */
  async sendPreview(res: Response, facilityId: string, gather: () => Promise<Draft>): Promise<void> {
    const draft = await this.read(facilityId, gather);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.send(this.reports.preview(draft));
  }

  /** Issues a draft; a full or restarted renderer is 503 with Retry-After, one over its budget too. */
  async issue(res: Response, draft: Draft): Promise<IssuedDocument> {
    try {
      return await this.reports.issue(draft);
    } catch (e) {
      if (e instanceof RendererUnavailableError) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        throw new DomainError(e instanceof RendererBusyError ? 'RENDERER_BUSY' : 'RENDERER_RESTARTED');
      }
      // Over its budget the document is not lost for good: the server was slow, not the request wrong.
      if (e instanceof RenderTimeoutError) {
        res.setHeader('Retry-After', '5');
        throw new DomainError('RENDER_TIMEOUT');
      }
      throw e;
    }
  }
}
