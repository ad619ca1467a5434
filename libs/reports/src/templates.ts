import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type DocumentKind =
  | 'CLAIM'
  | 'COMPLIANCE'
  | 'OPERATIONS'
  | 'DIVISION_SUMMARY'
  | 'DAY_CENTER'
  | 'ASSESSMENT'
  | 'TASK_LIST'
  | 'BULLETIN'
  | 'BILL'
  | 'RECEIPT'
  | 'REFUND';

const BODIES: Record<DocumentKind, string> = {
  CLAIM: 'claim',
  COMPLIANCE: 'compliance',
  OPERATIONS: 'operations',
  DIVISION_SUMMARY: 'division',
  DAY_CENTER: 'day-center',
  ASSESSMENT: 'assessment',
  TASK_LIST: 'task-list',
  BULLETIN: 'bulletin',
  BILL: 'bill',
  RECEIPT: 'receipt',
  REFUND: 'refund',
};

/** Where the .hbs files are: beside the bundle (copied as assets) or in the source tree. */
function templateDir(): string {
  for (const dir of [join(__dirname, 'templates'), join(process.cwd(), 'libs/reports/src/templates')]) {
    if (existsSync(join(dir, 'layout.hbs'))) return dir;
  }
  throw new Error('the document templates (libs/reports/src/templates) are missing from this build');
}

/**
 * The Handlebars templates of docs/rules.md §8, compiled once: one layout with its partials (the
 * running header, the closing block with the verification code), one stylesheet, one body per
 * document. Bodies are rendered first and placed in the layout, escaped everywhere but there.
 */
export class DocumentTemplates {
  private readonly hb = Handlebars.create();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly bodies = new Map<DocumentKind, Handlebars.TemplateDelegate>();
  private readonly css: string;

  constructor(dir = templateDir()) {
    for (const file of readdirSync(join(dir, 'partials'))) {
      this.hb.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, 'partials', file), 'utf8'));
    }
    this.layout = this.hb.compile(readFileSync(join(dir, 'layout.hbs'), 'utf8'), { strict: true });
    for (const [kind, name] of Object.entries(BODIES)) {
      this.bodies.set(kind as DocumentKind, this.hb.compile(readFileSync(join(dir, `${name}.hbs`), 'utf8')));
    }
    this.css = readFileSync(join(dir, 'style.css'), 'utf8');
  }

  html(
    kind: DocumentKind,
    page: { title: string; subtitle: string; subject: string; periodLabel: string; doc: object },
    data: object,
  ): string {
    return this.layout({ ...page, css: this.css, body: this.body(kind, data) });
  }

  /** A document's body alone, before the layout places it (what a template test reads). */
  body(kind: DocumentKind, data: object): string {
    return (this.bodies.get(kind) as Handlebars.TemplateDelegate)(data);
  }
}
