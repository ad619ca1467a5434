// Tier 2: a real Chromium (Debian's `chromium`, fonts-noto-cjk) and poppler's pdftotext; no mocks.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { PdfRenderer, RendererBusyError, RendererCrashedError, RendererUnavailableError, RenderTimeoutError } from './renderer';
import { CJK_FONT_STACK, FontSubsetter, trueTypeFonts } from './fonts';

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:${CJK_FONT_STACK}}</style></head><body>${body}</body></html>`;

/** Keeps the renderer's Chromium busy in a script: `load` (and so the render) waits `ms`. */
const busy = (ms: number) => page(`<p>忙</p><script>const t = Date.now(); while (Date.now() - t < ${ms}) {}</script>`);

const text = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Live processes of the browser's process group (its zygotes, renderers, GPU and utility processes).
 * Zombies are left out: the orphans are reaped by PID 1 (dumb-init in our image), not by us.
 */
const liveGroupMembers = (pgid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const [state, , pgrp] = readFileSync(`/proc/${d}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ');
        return pgrp === String(pgid) && state !== 'Z';
      } catch {
        return false;
      }
    });

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `/proc/<pid>/stat` after the command name: state, ppid, pgrp, … utime (11), stime (12). */
const stat = (pid: number | string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
  } catch {
    return undefined;
  }
};

/** What `pgrep -P` lists: the live children of `pid`. */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      const s = stat(d);
      return s?.[1] === String(pid) && s[0] !== 'Z';
    })
    .map(Number);

const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((c) => [c, ...descendantsOf(c)]);

/** Chromium's `--type=` of a process (zygote, renderer, gpu-process, utility). */
const typeOf = (pid: number) => {
  try {
    return /--type=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1];
  } catch {
    return undefined;
  }
};

const cpuTicks = (pid: number) => {
  const s = stat(pid);
  return s ? Number(s[11]) + Number(s[12]) : 0;
};

/** The renderer process running the busy page: the one burning CPU in its script. */
const busyRenderer = (browserPid: number) => {
  const renderers = descendantsOf(browserPid).filter((p) => typeOf(p) === 'renderer');
  expect(renderers.length).toBeGreaterThan(0);
  return renderers.sort((a, b) => cpuTicks(b) - cpuTicks(a))[0];
};

const kill9 = (pids: number[]) => {
  for (const pid of pids) {
    expect(pid).toBeGreaterThan(1);
    process.kill(pid, 'SIGKILL');
  }
};

/** How long `promise` takes to settle, in ms, and how. */
const timed = async <T>(promise: Promise<T>) => {
  const started = Date.now();
  const [result] = await settle([promise]);
  return { ms: Date.now() - started, result };
};

describe('PdfRenderer', () => {
  const renderers: PdfRenderer[] = [];
  const make = (options: ConstructorParameters<typeof PdfRenderer>[0] = {}) => {
    const renderer = new PdfRenderer(options);
    renderers.push(renderer);
    return renderer;
  };
  afterAll(async () => {
    await Promise.all(renderers.map((r) => r.close()));
  });

  it('renders Chinese text, a rare name and digits that pdftotext reads back', async () => {
    const renderer = make({ poolSize: 1 });
    const pdf = await renderer.render(
      page('<h1>养老机构合规报告</h1><table><tr><td>王堃</td><td>Ştefan</td><td>2024-09-30</td><td>¥3217.50</td></tr></table>'),
      {
        headerTemplate: '<div style="font-size:9px">页眉：护理部</div>',
        footerTemplate: '<div style="font-size:9px">第 <span class="pageNumber"></span> 页</div>',
        margin: { top: '20mm', bottom: '20mm' },
      },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const out = text(pdf);
    expect(out).toContain('养老机构合规报告');
    expect(out).toContain('王堃');
    expect(out).toContain('2024-09-30');
    expect(out).toContain('3217.50');
    // Not in Noto Sans CJK SC: falls through the font stack to DejaVu, still rendered.
    expect(out).toContain('Ştefan');
    expect(out).toContain('护理部');
    expect(out).toMatch(/第\s*1\s*页/);
  });

  it('renders landscape A4', async () => {
    const renderer = make({ poolSize: 1 });
    const pdf = await renderer.render(page('<p>横向</p>'), { landscape: true });
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]/);
  });

  it('runs no document script by default', async () => {
    const renderer = make({ poolSize: 1 });
    const pdf = await renderer.render('<p id="p">静态</p><script>document.getElementById("p").textContent = "脚本";</script>');
    expect(text(pdf)).toContain('静态'); // a fragment, no <head>: the font is injected all the same
    expect(text(pdf)).not.toContain('脚本');
  });

  it('with javaScript on, gives each document a fresh window on the reused tab', async () => {
    const renderer = make({ poolSize: 1, javaScript: true });
    await renderer.render(page('<script>window.secret = "甲";</script>'));
    const pdf = await renderer.render(
      page('<p id="p"></p><script>document.getElementById("p").textContent = "秘密=" + String(window.secret);</script>'),
    );
    expect(text(pdf)).toContain('秘密=undefined');
    expect(renderer.stats().pagesOpened).toBe(0); // the same tab both times
  });

  it('serves 10 concurrent renders on a pool of 2, reusing its pages', async () => {
    const renderer = make({ poolSize: 2 });
    const pdfs = await Promise.all(Array.from({ length: 10 }, (_, i) => renderer.render(page(`<p>第${i}号 张三</p>`))));
    pdfs.forEach((pdf, i) => expect(text(pdf)).toContain(`第${i}号 张三`));
    expect(renderer.stats()).toMatchObject({ renders: 10, failures: 0, launches: 1, active: 0, queued: 0 });
    expect(renderer.stats().pagesOpened).toBeLessThanOrEqual(1); // + the tab Chromium starts with
  });

  it('refuses renders beyond the queue cap with RendererBusyError', async () => {
    const renderer = make({ poolSize: 1, maxQueue: 2 });
    const results = await settle(Array.from({ length: 6 }, () => renderer.render(page('<p>排队</p>'))));
    const busyErrors = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(busyErrors).toHaveLength(3);
    for (const e of busyErrors) {
      expect(e).toBeInstanceOf(RendererBusyError);
      expect((e as RendererBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  // each crash fails the renders it hits at once (not after the 10 s timeout given here),
  // with an error the HTTP layer answers 503 + Retry-After, and the next render is served.
  const expectCrashedFast = (outcome: { ms: number; result: PromiseSettledResult<unknown> }) => {
    expect(outcome.result.status).toBe('rejected');
    const error = (outcome.result as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(RendererCrashedError);
    expect(error).toBeInstanceOf(RendererUnavailableError);
    expect((error as RendererCrashedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(outcome.ms).toBeLessThan(2000);
  };

  /** A render held in a script of the page, for Chromium to be killed under. */
  const busyRender = async (renderer: PdfRenderer) => {
    await renderer.warmUp();
    const slow = renderer.render(busy(10_000));
    slow.catch(() => undefined);
    await sleep(700);
    return { slow }; // wrapped: an async function returning the promise would wait for it
  };

  it('kill -9 of the browser mid-render: the render fails within 2 s, the next one gets a fresh Chromium', async () => {
    const renderer = make({ poolSize: 1, javaScript: true, timeoutMs: 10_000 });
    const { slow } = await busyRender(renderer);
    const pid = renderer.browserPid() as number;
    kill9([pid]);
    expectCrashedFast(await timed(slow));
    const pdf = await renderer.render(page('<p>重启之后</p>'));
    expect(text(pdf)).toContain('重启之后');
    expect(renderer.browserPid()).not.toBe(pid);
    expect(renderer.stats()).toMatchObject({ crashes: 1, launches: 2 });
  });

  it("kill -9 of the busy tab's renderer process: the render fails within 2 s, the same Chromium serves the next", async () => {
    const renderer = make({ poolSize: 1, javaScript: true, timeoutMs: 10_000 });
    const { slow } = await busyRender(renderer);
    const pid = renderer.browserPid() as number;
    kill9([busyRenderer(pid)]);
    expectCrashedFast(await timed(slow));
    const next = await timed(renderer.render(page('<p>换个标签页</p>')));
    expect(next.ms).toBeLessThan(2000);
    expect(text((next.result as PromiseFulfilledResult<Buffer>).value)).toContain('换个标签页');
    expect(renderer.browserPid()).toBe(pid);
    expect(renderer.stats()).toMatchObject({ crashes: 0, pageCrashes: 1, launches: 1 });
  });

  it("kill -9 of the browser's zygotes mid-render (the renderer lives on, printing never ends): fails within 2 s, then a fresh Chromium", async () => {
    const renderer = make({ poolSize: 1, javaScript: true, timeoutMs: 10_000 });
    const { slow } = await busyRender(renderer);
    const pid = renderer.browserPid() as number;
    const zygotes = childrenOf(pid).filter((p) => typeOf(p) === 'zygote');
    expect(zygotes.length).toBeGreaterThan(0);
    kill9(zygotes);
    expectCrashedFast(await timed(slow));
    expect(text(await renderer.render(page('<p>新的浏览器</p>')))).toContain('新的浏览器');
    expect(renderer.browserPid()).not.toBe(pid);
    expect(renderer.stats()).toMatchObject({ crashes: 1, launches: 2 });
  });

  it('kill -9 of the browser while idle: the next render succeeds on a fresh Chromium', async () => {
    const renderer = make({ poolSize: 1 });
    await renderer.render(page('<p>预热</p>'));
    const pid = renderer.browserPid() as number;
    kill9([pid]);
    await sleep(100);
    const next = await timed(renderer.render(page('<p>空闲时崩溃</p>')));
    expect(next.result.status).toBe('fulfilled');
    expect(next.ms).toBeLessThan(5000); // a launch, not a timeout
    expect(renderer.browserPid()).not.toBe(pid);
    expect(renderer.stats()).toMatchObject({ crashes: 1, launches: 2, failures: 0 });
  });

  it('kill -9 of every child of an idle browser (`pgrep -P`: zygotes, GPU, utilities): the next render succeeds', async () => {
    const renderer = make({ poolSize: 1, timeoutMs: 10_000 });
    await renderer.render(page('<p>预热</p>'));
    const pid = renderer.browserPid() as number;
    kill9(childrenOf(pid));
    await sleep(300);
    const next = await timed(renderer.render(page('<p>子进程都没了</p>')));
    expect(next.result.status).toBe('fulfilled');
    expect(next.ms).toBeLessThan(5000);
    expect(text((next.result as PromiseFulfilledResult<Buffer>).value)).toContain('子进程都没了');
    expect(renderer.stats()).toMatchObject({ failures: 0 });
  });

  it("kill -9 of an idle tab's renderer: the crashed tab is never handed out, the next render succeeds at once", async () => {
    const renderer = make({ poolSize: 1, timeoutMs: 10_000 });
    await renderer.render(page('<p>预热</p>'));
    const pid = renderer.browserPid() as number;
    kill9(descendantsOf(pid).filter((p) => typeOf(p) === 'renderer'));
    await sleep(100);
    const next = await timed(renderer.render(page('<p>新标签页</p>')));
    expect(next.result.status).toBe('fulfilled');
    expect(next.ms).toBeLessThan(2000);
    expect(renderer.browserPid()).toBe(pid);
    expect(renderer.stats()).toMatchObject({ crashes: 0, launches: 1, failures: 0 });
  });

  it('times a stuck render out and keeps serving', async () => {
    const renderer = make({ poolSize: 1, timeoutMs: 1500, javaScript: true });
    const started = Date.now();
    await expect(renderer.render(busy(20_000))).rejects.toBeInstanceOf(RenderTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text(await renderer.render(page('<p>超时之后</p>')))).toContain('超时之后');
    expect(renderer.stats()).toMatchObject({ launches: 1, failures: 1, renders: 1 });
  });

  it('recycles the browser every N renders without failing renders in flight', async () => {
    const renderer = make({ poolSize: 2, recycleAfter: 3 });
    const pdfs = await Promise.all(Array.from({ length: 7 }, (_, i) => renderer.render(page(`<p>回收${i}</p>`))));
    pdfs.forEach((pdf, i) => expect(text(pdf)).toContain(`回收${i}`));
    expect(renderer.stats().recycles).toBeGreaterThanOrEqual(2);
    expect(renderer.stats().launches).toBeGreaterThanOrEqual(3);
  });

  it('leaves no Chromium process behind after close()', async () => {
    const renderer = make({ poolSize: 2 });
    await renderer.render(page('<p>关闭</p>'));
    const pid = renderer.browserPid() as number;
    expect(alive(pid)).toBe(true);
    expect(liveGroupMembers(pid).length).toBeGreaterThan(1);
    await renderer.close();
    expect(alive(pid)).toBe(false); // exited and reaped: not even a zombie
    // The rest of the group was sent SIGKILL; the kernel takes a moment to finish them off.
    for (let i = 0; i < 60 && liveGroupMembers(pid).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(liveGroupMembers(pid)).toEqual([]);
    await expect(renderer.render(page('<p>x</p>'))).rejects.toThrow(/closed/);
  });
});

describe('FontSubsetter', () => {
  const fonts = new FontSubsetter();
  afterAll(() => fonts.close());

  it('subsets the TrueType conversion made by npm start / npm test (scripts/lib/deps.mjs)', () => {
    expect(trueTypeFonts()).toBeDefined();
    expect(fonts.outlines).toBe('TrueType');
  });

  it('cuts both weights to the characters asked for: KBs, not the 19 MB font', () => {
    const { regular, bold, ext } = fonts.subset(['养', '老', '堃'].map((c) => c.codePointAt(0) as number));
    for (const font of [regular, bold as Buffer]) {
      expect(font.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines (glyf)
      expect(font.length).toBeLessThan(30_000);
    }
    expect(ext).toBeUndefined(); // nothing beyond Noto: HanaMinB is not even loaded
  });

  it('cuts characters beyond the BMP from HanaMinB as well (U+2A6D6)', () => {
    const { ext } = fonts.subset([0x738b, 0x2a6d6]);
    expect(ext?.readUInt32BE(0)).toBe(0x00010000);
    expect(ext?.length).toBeLessThan(20_000);
  });

  it('writes @font-face rules for weights 400 and 700', () => {
    const css = fonts.fontFaceCss('<p>王堃</p>');
    expect(css.match(/font-family:'CareopsCJK'/g)).toHaveLength(2);
    expect(css).toContain('font-weight:400');
    expect(css).toContain('font-weight:700');
    expect(css).toContain('data:font/ttf;base64,');
    expect(css).toContain("format('truetype')");
  });

  it('falls back to the CFF collections (Type 3 in the PDF) when there is no conversion', () => {
    const cff = new FontSubsetter({ trueTypeDir: '/nonexistent' });
    try {
      expect(cff.outlines).toBe('CFF');
      expect(cff.subset([0x517b]).regular.subarray(0, 4).toString('latin1')).toBe('OTTO');
    } finally {
      cff.close();
    }
  });
});

describe('PDF fonts (pdffonts)', () => {
  const renderer = new PdfRenderer({ poolSize: 1 });
  afterAll(() => renderer.close());
  const fontsOf = (pdf: Buffer) => execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);

  it('embeds the Chinese text as CID TrueType subsets, bold included, and no Type 3 font', async () => {
    // As the documents' stylesheet does: only the family's name, the rare characters' face included.
    const pdf = await renderer.render(
      `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:'CareopsCJK',sans-serif}</style></head><body>` +
        '<h1 style="font-weight:700">养老机构合规报告</h1><p>王堃 张喆 李赟 陈珺 刘淼 王\u{2A6D6}</p><p>护理型床位占比 56.36 %</p></body></html>',
      { footerTemplate: '<div style="font-size:7px">CMP-20260101-000001 <span class="pageNumber"></span></div>' },
    );
    const fonts = fontsOf(pdf);
    expect(fonts.join('\n')).not.toMatch(/Type 3/);
    const cid = fonts.filter((line) => /CID TrueType/.test(line));
    expect(cid.length).toBeGreaterThanOrEqual(3); // regular, bold, the rare characters' face
    for (const line of cid) expect(line).toMatch(/ yes +yes +yes /); // embedded, subset, ToUnicode
    const out = text(pdf);
    for (const word of ['养老机构合规报告', '王堃', '张喆', '李赟', '陈珺', '刘淼', '王\u{2A6D6}', '56.36']) expect(out).toContain(word);
  });
});
