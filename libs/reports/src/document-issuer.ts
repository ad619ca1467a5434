import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import type { RequestContext, TenantScope } from '@careops/db';
import { PdfRenderer } from '@careops/pdf';
import { NotFoundError } from '@careops/platform';
import { DocumentRegistry } from './document-registry.repository';
import { Draft, PREFIX, TITLES, utcOffset, wallClock } from './documents/draft';
import { ReportsRepository, VerifiedDocument } from './reports.repository';
import { DocumentTemplates } from './templates';

export interface IssuedDocument {
  id: string;
  number: string;
  sha256: string;
  contentHash: string;
  fileName: string;
  pdf: Buffer;
}

/** What anyone holding a document learns of it: what it is, never who asked for it. */
export type DocumentVerification = { valid: true } & VerifiedDocument;

export class DocumentNotFoundError extends NotFoundError {
  constructor() {
    super('DOCUMENT_NOT_FOUND');
  }
}

/**
 * Numbers, renders and registers the documents of docs/rules.md §8 (Handlebars templates to PDF
 * by the shared renderer), each recorded with the SHA-256 of its bytes so anyone holding it can
 * verify it.
 */
@Injectable()
export class DocumentIssuer {
  private readonly templates = new DocumentTemplates();

  constructor(
    private readonly cls: ClsService<RequestContext>,
    private readonly registry: DocumentRegistry,
    private readonly renderer: PdfRenderer,
    private readonly repo: ReportsRepository,
  ) {}

  /** A draft's HTML, for a look before issuing: no number, no record. */
  preview(draft: Draft): string {
    return this.compose(draft, `${PREFIX[draft.kind]}-PREVIEW`).html;
  }

  private compose(draft: Draft, number: string) {
    const { kind, d } = draft;
    const principal = this.cls.get('principal');
    const generatedAt = `${wallClock(draft.at, draft.timeZone)} (${utcOffset(draft.at, draft.timeZone)})`;
    const requestedBy = principal ? `${principal.username}（${principal.role}）` : 'careops';
    const contentHash = createHash('sha256')
      .update(JSON.stringify({ kind, number, generatedAt, requestedBy, subject: d.subject, period: d.period, data: d.data }))
      .digest('hex');
    const doc = { number, generatedAt, requestedBy, contentHash };
    const html = this.templates.html(
      kind,
      { title: TITLES[kind], subtitle: d.subtitle, subject: d.subject, periodLabel: d.periodLabel, doc },
      d.data,
    );
    return { html, contentHash, generatedAt };
  }

  /**
   * Numbers the document, renders it, and records it (kind, subject, period, requester, time,
   * SHA-256 of the bytes). Numbering and the record run in transactions of their own: a regulator's
   * request is read-only, and the record must stay even if sending the response fails.
   */
  async issue(draft: Draft): Promise<IssuedDocument> {
    const { kind, d } = draft;
    const principal = this.cls.get('principal');
    const seq = await this.registry.nextNumber();
    const number = `${PREFIX[kind]}-${wallClock(draft.at, draft.timeZone).slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
    const { html, contentHash, generatedAt } = this.compose(draft, number);
    // The footer stays ASCII: Chrome lays it out as a document of its own on every page, and a CJK
    // label there cost ~45 ms per 2-page report (bench/pdf.bench.mjs). The 核验码 is printed in full
    // in the closing block; here the same code follows "verify".
    const footer = `<div style="font-size:7px;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#616e7c;font-family:sans-serif">
      <span>${number} · ${generatedAt} · verify ${contentHash}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    const pdf = await this.renderer.render(html, {
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '12mm', bottom: '14mm', left: '14mm', right: '14mm' },
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const scope: TenantScope = d.facilityId
      ? { facilityId: d.facilityId }
      : principal?.role === 'PLATFORM_ADMIN' || !principal
        ? { platform: true }
        : (this.cls.get('scope') ?? {});
    const id = await this.registry.record(scope, {
      number,
      kind,
      title: TITLES[kind],
      facilityId: d.facilityId ?? null,
      divisionCode: d.divisionCode ?? null,
      period: d.period,
      sha256,
      contentHash,
      bytes: pdf.length,
      requestedBy: principal?.userId ?? null,
      requestedByName: principal?.username ?? 'careops',
      requestedByRole: principal?.role ?? 'SYSTEM',
    });
    return { id, number, sha256, contentHash, fileName: d.fileName, pdf };
  }

  /**
   * GET /api/documents/:codeOrNumber — what the system issued under this SHA-256 (of the file, or
   * printed on it) or document number.
   */
  async verify(ref: string): Promise<DocumentVerification> {
    if (!/^[0-9a-fA-F]{64}$/.test(ref) && !/^[A-Z]{2,8}-\d{8}-\d{6,}$/.test(ref)) throw new DocumentNotFoundError();
    const found = await this.repo.verify(ref);
    if (!found) throw new DocumentNotFoundError();
    return { valid: true, ...found };
  }
}
