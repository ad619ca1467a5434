import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import {
  BASIC_CODE_POINTS,
  CJK_FONT_STACK,
  documentCodePoints,
  fontFaceRules,
  FontSubsetter,
  type FontSubsetterOptions,
  templateCodePoints,
} from './fonts';

export interface PdfRendererOptions {
  /** Pages rendering at once, each a reused tab of one Chromium. Default: os.availableParallelism(). */
  poolSize?: number;
  /** Renders allowed to wait for a page; one more is refused with RendererBusyError. Default 50. */
  maxQueue?: number;
  /** Budget of one render from leaving the queue to the last PDF byte. Default 30 000 ms. */
  timeoutMs?: number;
  /** Renders one Chromium serves before a fresh one replaces it (leaks stay bounded). Default 500. */
  recycleAfter?: number;
  /** Default: $PUPPETEER_EXECUTABLE_PATH, else the first of chromium, chromium-browser, google-chrome. */
  executablePath?: string;
  /** Extra Chromium switches, after `CHROMIUM_ARGS`. */
  args?: string[];
  /** Where the CJK collections are; `false` injects no font (documents then use system fonts, slowly). */
  fonts?: FontSubsetterOptions | false;
  /**
   * Run the documents' scripts. Default false: our documents are rendered on the server and need
   * none, and a reused tab keeps its window across `setContent`, so one document's globals would
   * be visible to the next. When true, a reused tab first goes to about:blank (a fresh window,
   * ~20 ms).
   */
  javaScript?: boolean;
}

export interface RenderOptions {
  landscape?: boolean;
  /** Chrome's print header: HTML with `pageNumber`, `totalPages`, `title`, `date` spans; small font. */
  headerTemplate?: string;
  footerTemplate?: string;
  /** CSS lengths ('20mm') or pixels. */
  margin?: { top?: string | number; right?: string | number; bottom?: string | number; left?: string | number };
}

export interface PdfRendererStats {
  /** PDFs produced. */
  renders: number;
  /** Renders that ended in an error (timeout, crash, Chromium refusing the document). */
  failures: number;
  /** Browsers retired after `recycleAfter` renders. */
  recycles: number;
  /** Browsers lost on their own: disconnected, exited, or a zygote of theirs killed. */
  crashes: number;
  /** Tabs whose renderer process crashed (the browser lived on). */
  pageCrashes: number;
  launches: number;
  /** Tabs opened across all browsers: stays near poolSize × launches when pages are reused. */
  pagesOpened: number;
  /** Renders holding a page now. */
  active: number;
  /** Renders waiting for one. */
  queued: number;
}

/** The renderer cannot take the render now, and will soon: answer 503 with `Retry-After: retryAfterSeconds`. */
export class RendererUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RendererUnavailableError';
  }
}

/** The queue is full. */
export class RendererBusyError extends RendererUnavailableError {
  constructor(retryAfterSeconds: number) {
    super(`the PDF renderer is busy; retry in ${retryAfterSeconds} s`, retryAfterSeconds);
    this.name = 'RendererBusyError';
  }
}

export class RenderTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`rendering the PDF took longer than ${timeoutMs} ms`);
    this.name = 'RenderTimeoutError';
  }
}

/**
 * Chromium, or the renderer process of the render's tab, died under the render. The next render
 * gets a fresh browser (or tab) at once, hence a retry after a second.
 */
export class RendererCrashedError extends RendererUnavailableError {
  constructor(pid: number | undefined, what: 'browser' | 'tab' = 'browser') {
    super(
      what === 'browser'
        ? `Chromium (pid ${pid ?? '?'}) crashed during the render`
        : `the renderer process of a Chromium tab (browser pid ${pid ?? '?'}) crashed during the render`,
      1,
    );
    this.name = 'RendererCrashedError';
  }
}

export class ChromiumNotFoundError extends Error {
  constructor(why: string) {
    super(
      `no Chromium to render PDFs: ${why}. Install it with ` +
        '`apt-get install -y chromium fonts-noto-cjk` (as root) or set PUPPETEER_EXECUTABLE_PATH',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * Switches for a headless Chromium as root in a container: no sandbox (root cannot have one),
 * /tmp instead of a small /dev/shm, no GPU, no first-run work or background traffic.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--mute-audio',
  '--hide-scrollbars',
];

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

/** $PUPPETEER_EXECUTABLE_PATH if set (it must be executable), else chromium, chromium-browser, google-chrome on /usr/bin or PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['PUPPETEER_EXECUTABLE_PATH'];
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumNotFoundError(`PUPPETEER_EXECUTABLE_PATH=${explicit} is not an executable file`);
  }
  const dirs = ['/usr/bin', ...(env['PATH'] ?? '').split(delimiter).filter(Boolean)];
  for (const name of CHROMIUM_NAMES) {
    const found = dirs.map((dir) => join(dir, name)).find(isExecutable);
    if (found) return found;
  }
  throw new ChromiumNotFoundError(`none of ${CHROMIUM_NAMES.join(', ')} is on /usr/bin or PATH`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One launched Chromium and the tabs it lends out. */
class Chromium {
  readonly idle: Tab[] = [];
  /** Renders begun here; at `recycleAfter` no new one starts here (rule: recycle after N). */
  started = 0;
  inUse = 0;
  retiring = false;
  closing = false;
  /** Disconnected, exited or lost a zygote: nothing more is handed out from it. */
  dead = false;
  /** Rejects when the browser is lost: every render on it races against this. */
  readonly gone: Promise<never>;
  /** Checks the zygotes while the browser lives (see `healthy`). */
  watch?: NodeJS.Timeout;
  private fail!: (error: Error) => void;
  private shutdown?: Promise<void>;
  /** Linux: the processes Chromium forks renderers and print compositors from, found at launch. */
  private readonly zygotes: number[];

  constructor(readonly browser: Browser) {
    this.gone = new Promise<never>((_, reject) => (this.fail = reject));
    this.gone.catch(() => undefined);
    this.zygotes = this.pid ? zygotesOf(this.pid) : [];
  }

  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /**
   * Connected, and its zygotes alive: with a zygote killed Chromium stays connected, but every
   * print then waits forever for a print compositor it can no longer start, and nothing says so.
   */
  healthy(): boolean {
    if (this.dead || !this.browser.connected) return false;
    const pid = this.pid;
    if (pid === undefined) return true;
    // Killed a moment ago: a zombie before Node hears of the exit.
    if (isZombie(procStat(pid))) return false;
    return this.zygotes.every((zygote) => isLiveChild(zygote, pid));
  }

  disconnected(error: Error): void {
    this.dead = true;
    clearInterval(this.watch);
    this.fail(error);
  }

  /** Closes the browser and waits for its process to exit (no zombie); SIGKILLs it if it dawdles. */
  shutDown(): Promise<void> {
    this.closing = true;
    this.shutdown ??= (async () => {
      const proc = this.browser.process();
      clearInterval(this.watch);
      const exited =
        proc && proc.exitCode === null && proc.signalCode === null
          ? new Promise<void>((resolve) => proc.once('exit', () => resolve()))
          : Promise.resolve();
      // A crashed browser is not asked: it may never answer.
      if (!this.dead)
        await within(
          5000,
          this.browser.close().catch(() => undefined),
        );
      killGroup(proc);
      await exited;
    })();
    return this.shutdown;
  }
}

/** A pooled tab; `died` rejects the moment its renderer process crashes or the tab closes without us. */
class Tab {
  dead = false;
  private closedByUs = false;
  readonly died: Promise<never>;

  constructor(
    readonly page: Page,
    browserPid: number | undefined,
    onDeath: (tab: Tab, crashed: boolean) => void,
  ) {
    this.died = new Promise<never>((_, reject) => {
      const die = (crashed: boolean) => {
        if (this.dead) return;
        this.dead = true;
        reject(new RendererCrashedError(browserPid, 'tab'));
        onDeath(this, crashed);
      };
      // 'error' is Chromium's Inspector.targetCrashed: the calls pending on the tab would never settle.
      page.once('error', () => die(true));
      page.once('close', () => die(!this.closedByUs));
    });
    this.died.catch(() => undefined);
  }

  close(): Promise<void> {
    this.closedByUs = true;
    return this.page.close().catch(() => undefined);
  }
}

/** `/proc/<pid>/stat` after the command name: state, ppid, pgrp, … (Linux only; undefined elsewhere or once gone). */
function procStat(pid: string | number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
  } catch {
    return undefined;
  }
}

/** The browser's `--type=zygote` children (none off Linux, or with `--no-zygote`). */
function zygotesOf(browserPid: number): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return pids
    .filter((pid) => {
      if (procStat(pid)?.[1] !== String(browserPid)) return false;
      try {
        // Chromium rewrites its command line into one string: no NUL-separated arguments to compare.
        return /(^|\s|\0)--type=zygote(\s|\0|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const isZombie = (stat: string[] | undefined) => stat?.[0] === 'Z' || stat?.[0] === 'X';

/** Still running (not a zombie) and still the child of `parent` (its pid not reused). */
function isLiveChild(pid: number, parent: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && !isZombie(stat) && stat[1] === String(parent);
}

/** The zygote, renderers and helpers share the browser's process group (puppeteer spawns it detached). */
function killGroup(proc: ChildProcess | null): void {
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Resolves when `promise` settles or after `ms`, whichever is first. */
async function within(ms: number, promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

interface Lease {
  tab?: Tab;
  expired?: boolean;
}

/** A render's page, print options and the script that resolves once its fonts are loaded. */
interface Composed {
  html: string;
  pdf: PDFOptions;
  fontsLoaded: string;
}

/** How often a browser's zygotes are looked at (a few µs each time), besides before every render. */
const ZYGOTE_CHECK_MS = 250;

/** The header's and footer's own subset (see `compose`). */
const HEADER_FONT_FAMILY = 'CareopsCJKHeader';

/**
 * HTML → A4 PDF for a server under load: ONE long-lived Chromium, a bounded pool of reused tabs,
 * a capped waiting queue (RendererBusyError beyond it), a per-render timeout, a fresh browser every
 * `recycleAfter` renders and after a crash. Every document gets a CJK font subset cut to its own
 * characters (see FontSubsetter): Chrome then never embeds the 19 MB system face.
 *
 * Chromium is launched by the first render (or `warmUp()`), so an app that never prints needs none.
 */
export class PdfRenderer {
  private readonly poolSize: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly recycleAfter: number;
  private readonly waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly browsers = new Set<Chromium>();
  private current?: Chromium;
  private launching?: Promise<Chromium>;
  private fonts?: FontSubsetter;
  private closed = false;
  private closing?: Promise<void>;
  private active = 0;
  /** Moving average of a render, for Retry-After. */
  private averageMs = 1000;
  private readonly counts = { renders: 0, failures: 0, recycles: 0, crashes: 0, pageCrashes: 0, launches: 0, pagesOpened: 0 };

  constructor(private readonly options: PdfRendererOptions = {}) {
    this.poolSize = Math.max(1, options.poolSize ?? availableParallelism());
    this.maxQueue = Math.max(0, options.maxQueue ?? 50);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 500);
  }

  /** A4 PDF of `html`. Rejects with RendererBusyError, RenderTimeoutError or RendererCrashedError. */
  async render(html: string, options: RenderOptions = {}): Promise<Buffer> {
    await this.enterPool();
    const started = Date.now();
    try {
      const pdf = await this.renderInPool(html, options);
      this.counts.renders++;
      this.averageMs = 0.8 * this.averageMs + 0.2 * (Date.now() - started);
      return pdf;
    } catch (e) {
      this.counts.failures++;
      throw e;
    } finally {
      this.leavePool();
    }
  }

  /** Launches Chromium and loads the fonts now rather than in the first render. */
  async warmUp(): Promise<void> {
    this.assertOpen();
    this.subsetter();
    await this.browser();
  }

  /** The pid of the current Chromium, if one runs (tests kill it). */
  browserPid(): number | undefined {
    return this.current?.pid;
  }

  stats(): PdfRendererStats {
    return { ...this.counts, active: this.active, queued: this.waiting.length };
  }

  /** Refuses new renders, fails waiting and running ones, closes every browser and waits for it to exit. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the PDF renderer is closed'));
      await this.launching?.catch(() => undefined);
      this.current = undefined;
      await Promise.all([...this.browsers].map((chromium) => chromium.shutDown()));
      this.browsers.clear();
      this.fonts?.close();
    })();
    return this.closing;
  }

  private async renderInPool(html: string, options: RenderOptions): Promise<Buffer> {
    this.assertOpen();
    const document = this.compose(html, options);
    const lease: Lease = {};
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // A page stuck in a script is closed, which also ends the calls still pending on it.
        lease.expired = true;
        void lease.tab?.close();
        reject(new RenderTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
    });
    let chromium: Chromium | undefined;
    try {
      chromium = await Promise.race([this.browser(), deadline]);
      const work = this.print(chromium, document, lease);
      work.catch(() => undefined); // when the deadline or a crash wins, `work` settles unobserved
      return await Promise.race([work, chromium.gone, deadline]);
    } catch (e) {
      if (!chromium || this.closed || e instanceof RenderTimeoutError) throw e;
      // Puppeteer's own "Target closed" may beat the crash events: it is the same crash.
      if (chromium.dead || !chromium.browser.connected) throw new RendererCrashedError(chromium.pid);
      if (lease.tab?.dead && !(e instanceof RendererCrashedError)) throw new RendererCrashedError(chromium.pid, 'tab');
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Prints on a pooled tab and gives it back; a tab that failed or expired is closed, not reused.
   * A crash of the tab's renderer fails the print at once (`tab.died`).
   */
  private async print(chromium: Chromium, document: Composed, lease: Lease): Promise<Buffer> {
    chromium.started++;
    if (chromium.started >= this.recycleAfter && this.current === chromium) this.retire(chromium);
    chromium.inUse++;
    let reusable = false;
    try {
      const reused = this.idleTab(chromium);
      const tab = (lease.tab = reused ?? (await this.openTab(chromium)));
      const printing = this.printOn(tab.page, document, lease, reused !== undefined);
      printing.catch(() => undefined); // when the tab dies first, `printing` settles unobserved
      const pdf = await Promise.race([printing, tab.died]);
      reusable = !lease.expired;
      return pdf;
    } finally {
      this.giveBack(chromium, lease.tab, reusable);
    }
  }

  private async printOn(page: Page, document: Composed, lease: Lease, reused: boolean): Promise<Buffer> {
    if (reused && this.options.javaScript) await page.goto('about:blank', { timeout: 0 });
    if (lease.expired) throw new RenderTimeoutError(this.timeoutMs);
    await page.setContent(document.html, { waitUntil: 'load', timeout: 0 });
    await page.evaluate(document.fontsLoaded);
    return Buffer.from(await page.pdf(document.pdf));
  }

  /** An idle tab that is still alive (a dead one is closed, never handed out). */
  private idleTab(chromium: Chromium): Tab | undefined {
    let tab: Tab | undefined;
    while ((tab = chromium.idle.pop()) && (tab.dead || tab.page.isClosed())) void tab.close();
    return tab;
  }

  private giveBack(chromium: Chromium, tab: Tab | undefined, reusable: boolean): void {
    chromium.inUse--;
    if (tab && reusable && !tab.dead && !chromium.retiring && !chromium.closing && !chromium.dead) chromium.idle.push(tab);
    else if (tab && !chromium.retiring) void tab.close();
    if (chromium.retiring && chromium.inUse === 0) void this.dispose(chromium);
  }

  private async openTab(chromium: Chromium): Promise<Tab> {
    this.counts.pagesOpened++;
    const page = await chromium.browser.newPage();
    const tab = this.track(chromium, page);
    await this.setUp(page);
    return tab;
  }

  private track(chromium: Chromium, page: Page): Tab {
    return new Tab(page, chromium.pid, (tab, crashed) => this.onTabDied(chromium, tab, crashed));
  }

  /** A tab whose renderer crashed leaves the pool and is closed, which ends the calls still pending on it. */
  private onTabDied(chromium: Chromium, tab: Tab, crashed: boolean): void {
    if (crashed && !chromium.dead && !chromium.closing) this.counts.pageCrashes++;
    const at = chromium.idle.indexOf(tab);
    if (at >= 0) chromium.idle.splice(at, 1);
    void tab.close();
  }

  private async setUp(page: Page): Promise<Page> {
    // Blocks the documents' scripts only; our own evaluate() (fonts loaded) still runs.
    if (!this.options.javaScript) await page.setJavaScriptEnabled(false);
    return page;
  }

  /** No new render starts on `chromium`; it closes when its last render ends (in-flight ones finish). */
  private retire(chromium: Chromium): void {
    chromium.retiring = true;
    this.current = undefined;
    this.counts.recycles++;
  }

  private async dispose(chromium: Chromium): Promise<void> {
    await chromium.shutDown();
    this.browsers.delete(chromium);
  }

  /** The browser new renders use; launched once however many renders ask at the same time. */
  private async browser(): Promise<Chromium> {
    if (this.current?.healthy()) return this.current;
    if (this.current) this.lost(this.current);
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    return this.launching;
  }

  private async launch(): Promise<Chromium> {
    const browser = await puppeteer.launch({
      executablePath: this.options.executablePath ?? findChromium(),
      headless: true,
      pipe: true,
      args: [...CHROMIUM_ARGS, ...(this.options.args ?? [])],
      // The application's shutdown hooks close us; puppeteer must not exit the process on a signal.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const chromium = new Chromium(browser);
    this.counts.launches++;
    this.browsers.add(chromium);
    browser.on('disconnected', () => this.lost(chromium));
    // The exit may be seen before the pipe's end, or without it while another process holds the pipe open.
    browser.process()?.once('exit', () => this.lost(chromium));
    chromium.watch = setInterval(() => {
      if (!chromium.healthy()) this.lost(chromium);
    }, ZYGOTE_CHECK_MS).unref();
    if (this.closed) {
      await this.dispose(chromium);
      throw new Error('the PDF renderer is closed');
    }
    // The tab Chromium starts with is the first of the pool.
    for (const page of await browser.pages()) chromium.idle.push(this.track(chromium, await this.setUp(page)));
    this.current = chromium;
    return chromium;
  }

  /** A browser we did not close that disconnected, exited or lost a zygote crashed: fail its renders, reap its processes, forget it. */
  private lost(chromium: Chromium): void {
    if (chromium.dead) return;
    if (chromium.closing) {
      chromium.disconnected(new Error('the PDF renderer is closed'));
      return;
    }
    this.counts.crashes++;
    chromium.disconnected(new RendererCrashedError(chromium.pid));
    if (this.current === chromium) this.current = undefined;
    void this.dispose(chromium);
  }

  /**
   * The page to load and the print options. The document gets a subset of its own characters. The
   * header and footer are separate documents Chrome builds per page: they get a tiny regular-only
   * subset of their own text (its size is paid on every page), also declared in the document so
   * it is loaded before printing; otherwise Chrome paints them before the font arrives.
   */
  private compose(html: string, options: RenderOptions): Composed {
    const fonts = this.subsetter();
    const pdf: PDFOptions = {
      format: 'A4',
      printBackground: true,
      tagged: false,
      landscape: options.landscape ?? false,
      margin: options.margin,
      displayHeaderFooter: false,
      timeout: 0, // our deadline governs
    };
    let documentStyle = fonts ? fontFaceRules(fonts.subset([...BASIC_CODE_POINTS, ...documentCodePoints(html)])) : '';
    documentStyle += `html{font-family:${CJK_FONT_STACK}}`;
    let fontsLoaded = 'document.fonts.ready';
    if (options.headerTemplate !== undefined || options.footerTemplate !== undefined) {
      // A template left out must not print Chrome's default (date, title, URL).
      const header = options.headerTemplate ?? '<span></span>';
      const footer = options.footerTemplate ?? '<span></span>';
      // Chrome fills a `title` span with the document's title: its characters count only when one is used.
      const title = /class\s*=\s*["'][^"']*\btitle\b/i.test(header + footer) ? (/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '') : '';
      // Templates in ASCII (our documents' footer) need no CJK face at all: Chrome lays the templates
      // out again on every page, fonts included, so they get the system sans-serif and no subset.
      const cjk = fonts !== undefined && documentCodePoints(header, footer, title).size > 0;
      const faces = cjk ? fontFaceRules(fonts.subset(templateCodePoints(header, footer, title), { bold: false }), HEADER_FONT_FAMILY) : '';
      const family = cjk ? `'${HEADER_FONT_FAMILY}',${CJK_FONT_STACK}` : fonts ? 'sans-serif' : CJK_FONT_STACK;
      const templateStyle = `<style>${faces}#header,#footer{font-family:${family}}</style>`;
      Object.assign(pdf, { displayHeaderFooter: true, headerTemplate: templateStyle + header, footerTemplate: templateStyle + footer });
      if (cjk) {
        documentStyle += faces;
        fontsLoaded = `document.fonts.load("16px ${HEADER_FONT_FAMILY}").then(() => document.fonts.ready)`;
      }
    }
    return { html: injectIntoHead(html, `<style>${documentStyle}</style>`), pdf, fontsLoaded: `${fontsLoaded}.then(() => undefined)` };
  }

  private subsetter(): FontSubsetter | undefined {
    if (this.options.fonts === false) return undefined;
    this.fonts ??= new FontSubsetter(this.options.fonts);
    return this.fonts;
  }

  private async enterPool(): Promise<void> {
    this.assertOpen();
    if (this.active < this.poolSize) {
      this.active++;
      return;
    }
    if (this.waiting.length >= this.maxQueue) {
      const ahead = this.waiting.length + this.active;
      throw new RendererBusyError(Math.max(1, Math.ceil((ahead / this.poolSize) * (this.averageMs / 1000))));
    }
    // The slot is handed over by leavePool(), so `active` does not change.
    await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private leavePool(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.active--;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the PDF renderer is closed');
  }
}

/** Inside <head> if there is one, else after the doctype (a style before it would mean quirks mode). */
function injectIntoHead(html: string, style: string): string {
  const anchor = /<head\b[^>]*>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  if (!anchor) return style + html;
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + style + html.slice(at);
}
