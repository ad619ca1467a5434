import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import QRCode from 'qrcode';
import type { RequestContext, TenantScope } from '@careops/db';
import { PdfRenderer } from '@careops/pdf';
import { AppConfig, divisionFullName, NotFoundError } from '@careops/platform';
import { DocumentRegistry, RegisteredDocument } from './document-registry.repository';
import { Draft, PREFIX, Provisional, TITLES, utcOffset, wallClock } from './documents/draft';
import { ReportsRepository, VerifiedDocument } from './reports.repository';
import { DocumentTemplates } from './templates';

export interface IssuedDocument {
  /** The register's id; null for a draft, which is not registered. */
  id: string | null;
  /** The document number; null for a draft. */
  number: string | null;
  version: number | null;
  /** The number of the version this one replaces, if any. */
  replaces: string | null;
  provisional: Provisional | null;
  sha256: string;
  contentHash: string | null;
  fileName: string;
  pdf: Buffer;
}

/** What anyone holding a document learns of it: what it is, never who asked for it. */
export type DocumentVerification = { valid: true; divisionName: string | null } & VerifiedDocument;

export class DocumentNotFoundError extends NotFoundError {
  constructor() {
    super('DOCUMENT_NOT_FOUND');
  }
}

/** The watermark and the line that stand for the number on a document that is not registered (a preview's too). */
const MARKS: Record<Provisional | 'PREVIEW', string> = { DRAFT: '草稿', ESTIMATE: '预估', PREVIEW: '预览' };

/** Renders of the same subject that may collide with another process's before this one gives up. */
const REGISTER_ATTEMPTS = 5;

/** Kinds of a record (a claim, an assessment, a bill, a payment, a refund), not of a month: final as soon as the record is. */
const OF_A_RECORD = new Set<Draft['kind']>(['CLAIM', 'ASSESSMENT', 'BILL', 'RECEIPT', 'REFUND']);

/** `YYYY-MM` of `at` on the wall clock of `timeZone`. */
const monthOf = (at: Date, timeZone: string) => wallClock(at, timeZone).slice(0, 7);

/**
 * Numbers, renders and registers the documents of docs/rules.md §8 (Handlebars templates to PDF
 * by the shared renderer). A document is issued once: the same subject with the same facts gives
 * back the registered number and bytes; changed facts a new version that prints which number it
 * replaces. Drafts — a claim in DRAFT, an estimate, a report of a month not yet over — carry a
 * watermark and are neither numbered nor registered.
 */
@Injectable()
export class DocumentIssuer {
  private readonly templates = new DocumentTemplates();
  /** Issues under way in this process by subject and facts: parallel identical requests share one render. */
  private readonly inFlight = new Map<string, Promise<IssuedDocument>>();

  constructor(
    private readonly cls: ClsService<RequestContext>,
    private readonly registry: DocumentRegistry,
    private readonly renderer: PdfRenderer,
    private readonly repo: ReportsRepository,
    private readonly config: AppConfig,
  ) {}

  /** A draft's HTML, for a look before issuing: no number, no record, marked 预览 (or 草稿, 预估). */
  preview(draft: Draft): string {
    return this.templates.html(draft.kind, this.page(draft, { provisional: this.provisionalOf(draft) ?? 'PREVIEW' }), draft.d.data);
  }

  /**
   * Why a document would not be registered: the builder's word (a claim in DRAFT, an estimate), or
   * a month that has not ended yet where the document is printed (docs/rules.md §8).
   */
  provisionalOf(draft: Draft): Provisional | null {
    if (draft.provisional) return draft.provisional;
    if (!OF_A_RECORD.has(draft.kind) && draft.d.period >= monthOf(draft.at, draft.timeZone)) return 'ESTIMATE';
    return null;
  }

  /** The subject of the document's versions: kind, facility or division, period and claim (or assessment, bill, payment, refund). */
  subjectOf(draft: Draft): string {
    const { kind, d } = draft;
    return [kind, d.facilityId ?? '', d.divisionCode ?? '', d.period, draft.claimId ?? draft.assessmentId ?? draft.recordId ?? ''].join(
      '|',
    );
  }

  /** SHA-256 of what the document says: its heading and data, without the time it was generated or who asked. */
  factsOf(draft: Draft): string {
    const { kind, d } = draft;
    return createHash('sha256')
      .update(
        JSON.stringify({ kind, subject: d.subject, subtitle: d.subtitle, period: d.period, periodLabel: d.periodLabel, data: d.data }),
      )
      .digest('hex');
  }

  /**
   * The registered document of these facts, or a new version of it: numbered, rendered, recorded
   * (kind, subject, period, requester, time, its bytes and their SHA-256). Numbering and the record run
   * in transactions of their own: a regulator's request is read-only, and the record must stay even
   * if sending the response fails. A draft is only rendered.
   */
  async issue(draft: Draft): Promise<IssuedDocument> {
    const provisional = this.provisionalOf(draft);
    if (provisional) return this.renderDraft(draft, provisional);
    const key = `${this.subjectOf(draft)}|${this.factsOf(draft)}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const issuing = this.register(draft).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, issuing);
    return issuing;
  }

  private async register(draft: Draft): Promise<IssuedDocument> {
    const { kind, d } = draft;
    const principal = this.cls.get('principal');
    const scope: TenantScope = d.facilityId
      ? { facilityId: d.facilityId }
      : principal?.role === 'PLATFORM_ADMIN' || !principal
        ? { platform: true }
        : (this.cls.get('scope') ?? {});
    const subject = this.subjectOf(draft);
    const factsHash = this.factsOf(draft);
    for (let attempt = 1; ; attempt++) {
      const latest = await this.registry.latest(scope, subject);
      if (latest?.factsHash === factsHash) return this.registered(draft, latest, null);
      const seq = await this.registry.nextNumber();
      const number = `${PREFIX[kind]}-${wallClock(draft.at, draft.timeZone).slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
      const version = (latest?.version ?? 0) + 1;
      const rendered = await this.render(draft, { number, version, replaces: latest?.number ?? null });
      const { pdf } = rendered;
      const contentHash = rendered.contentHash as string; // a numbered page always has its code
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const id = await this.registry.register(scope, {
        number,
        kind,
        title: TITLES[kind],
        facilityId: d.facilityId ?? null,
        divisionCode: d.divisionCode ?? null,
        claimId: draft.claimId ?? null,
        totalFen: draft.totalFen ?? null,
        period: d.period,
        subject,
        factsHash,
        version,
        replaces: latest?.id ?? null,
        sha256,
        contentHash,
        pdf,
        requestedBy: principal?.userId ?? null,
        requestedByName: principal?.username ?? 'careops',
        requestedByRole: principal?.role ?? 'SYSTEM',
      });
      if (id) return this.registered(draft, { id, number, version, factsHash, sha256, contentHash, pdf }, latest?.number ?? null);
      // Another process registered this version first (document_version): read what it registered.
      if (attempt >= REGISTER_ATTEMPTS) throw new Error(`document ${subject}: version ${version} kept being registered by others`);
    }
  }

  private registered(draft: Draft, r: RegisteredDocument, replaces: string | null): IssuedDocument {
    return {
      id: r.id,
      number: r.number,
      version: r.version,
      replaces,
      provisional: null,
      sha256: r.sha256,
      contentHash: r.contentHash,
      fileName: draft.d.fileName,
      pdf: r.pdf,
    };
  }

  private async renderDraft(draft: Draft, provisional: Provisional): Promise<IssuedDocument> {
    const { pdf } = await this.render(draft, { provisional });
    return {
      id: null,
      number: null,
      version: null,
      replaces: null,
      provisional,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      contentHash: null,
      fileName: draft.d.fileName.replace(/\.pdf$/, `-${provisional.toLowerCase()}.pdf`),
      pdf,
    };
  }

  /** The page's fields for the layout: the registered number, version, verification code and QR, or the draft's watermark. */
  private page(
    draft: Draft,
    doc: {
      number?: string;
      version?: number;
      replaces?: string | null;
      provisional?: Provisional | 'PREVIEW';
      qr?: string;
      verifyUrl?: string;
    },
  ) {
    const { kind, d } = draft;
    const generatedAt = `${wallClock(draft.at, draft.timeZone)} (${utcOffset(draft.at, draft.timeZone)})`;
    const contentHash = doc.number
      ? createHash('sha256')
          .update(JSON.stringify({ kind, number: doc.number, generatedAt, subject: d.subject, period: d.period, data: d.data }))
          .digest('hex')
      : null;
    const mark = doc.provisional ? MARKS[doc.provisional] : null;
    return {
      title: TITLES[kind],
      subtitle: d.subtitle,
      subject: d.subject,
      periodLabel: d.periodLabel,
      doc: {
        number: doc.number ?? null,
        version: doc.version ?? null,
        replaces: doc.replaces ?? null,
        generatedAt,
        contentHash,
        mark,
        qr: doc.qr ?? null,
        verifyUrl: doc.verifyUrl ?? null,
        claim: kind === 'CLAIM',
      },
    };
  }

  private async render(
    draft: Draft,
    doc: { number: string; version: number; replaces: string | null } | { provisional: Provisional },
  ): Promise<{ pdf: Buffer; contentHash: string | null }> {
    let page: ReturnType<DocumentIssuer['page']>;
    if ('number' in doc) {
      // docs/rules.md §8: the QR code opens the public verification page of this number.
      const verifyUrl = `${this.config.PUBLIC_BASE_URL}/verify?code=${encodeURIComponent(doc.number)}`;
      const qr = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      page = this.page(draft, { ...doc, qr, verifyUrl });
    } else {
      page = this.page(draft, doc);
    }
    const html = this.templates.html(draft.kind, page, draft.d.data);
    const { number, generatedAt, contentHash } = page.doc;
    // The footer stays ASCII: Chrome lays it out as a document of its own on every page, and a CJK
    // label there cost ~45 ms per 2-page report (bench/pdf.bench.mjs). The 核验码 is printed in full
    // in the closing block; here the same code follows "verify".
    const what =
      'number' in doc ? `${number} · ${generatedAt} · verify ${contentHash}` : `${doc.provisional} · not registered · ${generatedAt}`;
    const footer = `<div style="font-size:7px;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#616e7c;font-family:sans-serif">
      <span>${what}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    const pdf = await this.renderer.render(html, {
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '12mm', bottom: '14mm', left: '14mm', right: '14mm' },
    });
    return { pdf, contentHash: contentHash ?? null };
  }

  /**
   * GET /api/documents/:codeOrNumber — what the system issued under this SHA-256 (of the file, or
   * printed on it) or document number; for a claim its current state and total.
   */
  async verify(ref: string): Promise<DocumentVerification> {
    if (!/^[0-9a-fA-F]{64}$/.test(ref) && !/^[A-Z]{2,8}-\d{8}-\d{6,}$/.test(ref)) throw new DocumentNotFoundError();
    const found = await this.repo.verify(ref);
    if (!found) throw new DocumentNotFoundError();
    return { valid: true, ...found, divisionName: found.divisionCode ? divisionFullName(found.divisionCode) : null };
  }
}
