import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The family the renderer injects into every document; it is always the first of `CJK_FONT_STACK`. */
export const CJK_FONT_FAMILY = 'CareopsCJK';

/**
 * What documents name. CJK_FONT_FAMILY has the rare characters Noto lacks too (HanaMinB, see
 * fontFaceRules); a character neither has falls to the system SC face and then to any font that
 * has it: slower, but every character of a name renders.
 */
export const CJK_FONT_STACK = `'${CJK_FONT_FAMILY}', 'Noto Sans CJK SC', sans-serif`;

const NOTO_DIR = '/usr/share/fonts/opentype/noto';
/** Debian's fonts-hanazono. */
const HANAZONO_B = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf';
/** Code points from here on (the supplementary ideographic planes) are also cut from HanaMinB. */
const EXT_FROM = 0x20000;

/** Where scripts/lib/deps.mjs converts Noto Sans CJK SC to TrueType: the manifest names each weight's file and source. */
interface TrueTypeManifest {
  [weight: string]: { source: string; faceIndex: number; size: number; mtimeMs: number; file: string } | undefined;
}

/**
 * The TrueType (glyf) conversions of Noto Sans CJK SC Regular and Bold made by scripts/lib/deps.mjs
 * (`npm start`, `npm test`), if they are there and were made from the collections installed now
 * (same size and mtime). Looked for in $PDF_FONT_DIR when set (only there), else in `.data/fonts` of
 * the checkout this code runs from (found upwards from this file or the bundle), else of the working
 * directory.
 */
export function trueTypeFonts(dir?: string): { regular: string; bold: string; dir: string } | undefined {
  for (const candidate of dir ? [dir] : fontDirs()) {
    let manifest: TrueTypeManifest;
    try {
      manifest = JSON.parse(readFileSync(join(candidate, 'manifest.json'), 'utf8')) as TrueTypeManifest;
    } catch {
      continue;
    }
    const path = (weight: string): string | undefined => {
      const entry = manifest[weight];
      if (!entry) return undefined;
      try {
        const source = statSync(entry.source);
        if (source.size !== entry.size || Math.trunc(source.mtimeMs) !== entry.mtimeMs) return undefined; // upgraded since
      } catch {
        return undefined;
      }
      const file = join(candidate, entry.file);
      return existsSync(file) ? file : undefined;
    };
    const regular = path('regular');
    const bold = path('bold');
    if (regular && bold) return { regular, bold, dir: candidate };
  }
  return undefined;
}

function fontDirs(): string[] {
  // Set, it is the only place looked at (a deployment's choice; the bench points it nowhere to compare).
  if (process.env['PDF_FONT_DIR']) return [process.env['PDF_FONT_DIR']];
  const dirs: string[] = [];
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      dirs.push(join(dir, '.data', 'fonts'));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  dirs.push(join(process.cwd(), '.data', 'fonts'));
  return dirs;
}

export interface FontSubsetterOptions {
  /**
   * Default: the TrueType conversion of Noto Sans CJK SC Regular (see trueTypeFonts), else Debian's
   * fonts-noto-cjk collection /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc (CFF).
   */
  regularPath?: string;
  /** Default: the Bold conversion, else …/NotoSansCJK-Bold.ttc. */
  boldPath?: string;
  /** The face inside the files; 2 (Simplified Chinese) for the collections, 0 for the conversions. */
  faceIndex?: number;
  /** Where the conversions are (default: see trueTypeFonts). */
  trueTypeDir?: string;
  /** The font of characters Noto lacks; default Debian's HanaMinB if installed; `false`: none. */
  extPath?: string | false;
  /** Default: the subsetting build shipped with harfbuzzjs. */
  wasmPath?: string;
}

/** One document's fonts: a few tens of KB instead of 19 MB. TrueType (glyf) when converted, else OpenType/CFF. */
export interface FontSubset {
  regular: Buffer;
  /** Absent when asked for without: Chrome then makes bold text from the regular face. */
  bold?: Buffer;
  /** The rare characters' face (HanaMinB), when the document has characters beyond the BMP. */
  ext?: Buffer;
}

/** Node has it; the repo's `lib` (es2022, no DOM) does not declare it. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

/** The exports of harfbuzzjs' `harfbuzz-subset.wasm` we call (a standalone build, no imports). */
interface HarfBuzzSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_set_del(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/**
 * The one layout feature left out of every subset: `locl`, the glyphs of the other CJK locales
 * (Japanese, Korean, Traditional Chinese) — never shown, since our documents are Simplified Chinese
 * in the SC face. Its closure made a cut ~10× slower (15–25 ms per weight instead of ~1.5). Every
 * other feature stays: Chrome trims the spacing of CJK punctuation with `halt`/`chws` and lays out
 * lines exactly as with the whole font.
 */
const LOCL = [...'locl'].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);

/** Printable ASCII: digits and Latin for page numbers, dates and codes. */
export const ASCII_CODE_POINTS: readonly number[] = range(0x20, 0x7e);

/**
 * Kept in a document's subset whatever its text: ASCII, Latin-1 (¥ · × °), general punctuation
 * (— “ ” …), CJK punctuation (，。、《》) and full-width forms (（）：￥). Covers named entities
 * and text a document's scripts or CSS print that is not in its source, for a few tens of KB.
 */
export const BASIC_CODE_POINTS: readonly number[] = [
  ...ASCII_CODE_POINTS,
  ...range(0xa0, 0xff),
  ...range(0x2010, 0x2027),
  ...range(0x3000, 0x303f),
  ...range(0xff01, 0xff5e),
  ...range(0xffe0, 0xffe6),
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The code points a document can show: every non-ASCII character of its source (text, attributes,
 * CSS `content`; a stray one in a script costs a glyph, not a miss) and its numeric character
 * references (`&#22531;`, `&#x5803;`). Named references and ASCII are in BASIC_CODE_POINTS.
 */
export function documentCodePoints(...sources: string[]): Set<number> {
  const points = new Set<number>();
  for (const source of sources) {
    for (const [ch] of source.matchAll(/[\u0080-\u{10ffff}]/gu)) points.add(ch.codePointAt(0) as number);
    for (const [, ref] of source.matchAll(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});/gi)) {
      const cp = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
      if (cp <= 0x10ffff) points.add(cp);
    }
  }
  return points;
}

/**
 * The code points of Chrome's header/footer templates: their text (non-ASCII and ASCII, tags left
 * out) and what Chrome fills in (page numbers, dates). Kept minimal on purpose: Chrome parses the
 * templates' fonts again on every page, so each KB here is paid per page.
 */
export function templateCodePoints(...templates: string[]): Set<number> {
  const points = documentCodePoints(...templates);
  for (const template of templates) {
    for (const ch of template.replace(/<[^>]*>/g, '')) points.add(ch.codePointAt(0) as number);
  }
  for (const ch of '0123456789 /:-.,') points.add(ch.codePointAt(0) as number);
  return points;
}

/** Subsets kept for reuse, least recently used dropped first. */
const RECENT_SUBSETS = 32;

/** Said once per process: documents print, only slower. */
let warnedCff = false;

/**
 * One instance of HarfBuzz's subsetter with the faces loaded into its heap. Its WebAssembly memory
 * is fixed (68 MB): the two Noto weights (~20 MB each) fit one, HanaMinB (30 MB) needs another.
 */
class HarfBuzzHeap {
  private readonly hb: HarfBuzzSubset;
  private readonly faces: number[] = [];
  private readonly heap: number[] = [];

  constructor(wasm: object) {
    this.hb = new WebAssembly.Instance(wasm, {}).exports as unknown as HarfBuzzSubset;
    this.hb._initialize();
  }

  loadFace(path: string, index: number): number {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new Error(
        `cannot read the CJK font ${path} (${(e as Error).message}); install it with ` +
          "`apt-get install -y fonts-noto-cjk` (as root), or pass the fonts' paths in the renderer options",
      );
    }
    // The blob points into the heap (read-only mode, no copy): the bytes live as long as the face.
    const ptr = this.hb.malloc(bytes.length);
    if (!ptr) throw new Error(`the font ${path} (${bytes.length} bytes) does not fit HarfBuzz's heap`);
    this.heap.push(ptr);
    new Uint8Array(this.hb.memory.buffer).set(bytes, ptr);
    const blob = this.hb.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = this.hb.hb_face_create(blob, index);
    this.hb.hb_blob_destroy(blob); // the face holds its own reference
    this.faces.push(face);
    return face;
  }

  cut(face: number, points: number[]): Buffer {
    const { hb } = this;
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) throw new Error('HarfBuzz could not allocate a subset input');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of points) hb.hb_set_add(unicodes, cp);
    hb.hb_set_del(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG), LOCL);
    const subset = hb.hb_subset_or_fail(face, input);
    hb.hb_subset_input_destroy(input);
    if (!subset) throw new Error('HarfBuzz could not subset the CJK font (is the face index right?)');
    const blob = hb.hb_face_reference_blob(subset);
    try {
      // Copy out: the heap's ArrayBuffer is replaced whenever it grows, so read it after the call.
      return Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)));
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  }

  /** Frees the faces and the heap's font copies. */
  close(): void {
    for (const face of this.faces.splice(0)) this.hb.hb_face_destroy(face);
    for (const ptr of this.heap.splice(0)) this.hb.free(ptr);
  }
}

/**
 * Cuts per-document subsets out of Noto Sans CJK SC with HarfBuzz's subsetter.
 *
 * Why: Chrome's `page.pdf()` time grows with the fonts a document uses, and the system Noto CJK
 * face is 19 MB; a subset holding only the document's characters prints several times faster.
 * From the TrueType conversion (scripts/lib/deps.mjs) Chrome embeds CID TrueType fonts; from the
 * CFF collections, Type 3 ones (2–4× larger PDFs, slower). The fonts are read and parsed ONCE
 * (they stay in the WebAssembly heap with their faces); each `subset()` is then a few ms for both
 * weights. Synchronous and not re-entrant, which is fine on Node's single thread.
 */
export class FontSubsetter {
  /** TrueType: Chrome embeds CID TrueType fonts; CFF: Type 3 (the fallback when nothing was converted). */
  readonly outlines: 'TrueType' | 'CFF';
  private readonly recent = new Map<string, FontSubset>();
  private readonly wasm: object;
  private readonly main: HarfBuzzHeap;
  private readonly faces: { regular: number; bold: number };
  private ext?: { heap: HarfBuzzHeap; face: number } | null;
  private readonly extPath: string | null;
  private closed = false;

  constructor(options: FontSubsetterOptions = {}) {
    this.wasm = new WebAssembly.Module(readFileSync(options.wasmPath ?? harfbuzzSubsetWasm()));
    this.main = new HarfBuzzHeap(this.wasm);
    const converted = options.regularPath || options.boldPath ? undefined : trueTypeFonts(options.trueTypeDir);
    if (!converted && !options.regularPath && !warnedCff) {
      warnedCff = true;
      process.emitWarning(
        'no TrueType conversion of Noto Sans CJK SC (npm start / npm test make it with python3-fonttools): ' +
          'PDFs embed the CFF font as Type 3, larger and slower to print',
        { code: 'CAREOPS_PDF_CFF_FONTS' },
      );
    }
    const index = options.faceIndex ?? (converted ? 0 : 2);
    this.faces = {
      regular: this.main.loadFace(options.regularPath ?? converted?.regular ?? `${NOTO_DIR}/NotoSansCJK-Regular.ttc`, index),
      bold: this.main.loadFace(options.boldPath ?? converted?.bold ?? `${NOTO_DIR}/NotoSansCJK-Bold.ttc`, index),
    };
    this.extPath = options.extPath === false ? null : (options.extPath ?? (existsSync(HANAZONO_B) ? HANAZONO_B : null));
    const probe = this.subset(ASCII_CODE_POINTS); // a bad file or face index fails here, at start-up, not in a render
    this.outlines = probe.regular.readUInt32BE(0) === 0x00010000 ? 'TrueType' : 'CFF';
  }

  /** The weights cut down to exactly `codePoints`; code points the font lacks are skipped. */
  subset(codePoints: Iterable<number>, { bold = true }: { bold?: boolean } = {}): FontSubset {
    if (this.closed) throw new Error('FontSubsetter is closed');
    const points = [...new Set(codePoints)].sort((a, b) => a - b);
    // The same characters give the same subset: a document asked for again (or another month of
    // the same report) skips the cut, which runs on the main thread.
    const key = `${bold ? 'b' : 'r'}${points.join(',')}`;
    const hit = this.recent.get(key);
    if (hit) {
      this.recent.delete(key);
      this.recent.set(key, hit);
      return hit;
    }
    const subset: FontSubset = {
      regular: this.main.cut(this.faces.regular, points),
      bold: bold ? this.main.cut(this.faces.bold, points) : undefined,
    };
    // Rare characters (U+2A6D6 …): Noto has few beyond the BMP, HanaMinB has them. Loaded when first asked for.
    const rare = points.filter((cp) => cp >= EXT_FROM);
    const ext = rare.length > 0 ? this.extFace() : null;
    if (ext) subset.ext = ext.heap.cut(ext.face, rare);
    this.recent.set(key, subset);
    if (this.recent.size > RECENT_SUBSETS) this.recent.delete(this.recent.keys().next().value as string);
    return subset;
  }

  /** `@font-face` rules of CJK_FONT_FAMILY for a document whose source is `sources` (+ BASIC_CODE_POINTS). */
  fontFaceCss(...sources: string[]): string {
    return fontFaceRules(this.subset([...BASIC_CODE_POINTS, ...documentCodePoints(...sources)]));
  }

  /** Frees the faces and the WebAssembly heaps' font copies. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.main.close();
    this.ext?.heap.close();
  }

  /** HanaMinB (30 MB) in a heap of its own, loaded by the first document that needs it. */
  private extFace(): { heap: HarfBuzzHeap; face: number } | null {
    if (this.ext === undefined) {
      if (!this.extPath) this.ext = null;
      else {
        const heap = new HarfBuzzHeap(this.wasm);
        this.ext = { heap, face: heap.loadFace(this.extPath, 0) };
      }
    }
    return this.ext;
  }
}

/**
 * harfbuzzjs' subsetting build, resolved at run time from this file (or from the bundle it ends up
 * in): webpack would rewrite a plain `require.resolve` into a module id.
 */
function harfbuzzSubsetWasm(): string {
  return createRequire(__filename).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

/**
 * `@font-face` rules declaring `fonts` as weights 400 (and 700) of `family`, inline as data: URLs.
 * The rare characters' face (HanaMinB) joins the same family for the supplementary planes
 * (`unicode-range`), so a stylesheet naming only `family` prints them from the subset too, never
 * from a 30 MB system font. It is declared first: Chrome tries the last-declared face first, so a
 * character Noto has keeps Noto's glyph. `font-display: swap`: should a face not be loaded when
 * Chrome paints, the text shows in the next font of the stack rather than not at all.
 */
export function fontFaceRules(fonts: FontSubset, family: string = CJK_FONT_FAMILY): string {
  const face = (bytes: Buffer, weight: number, range = '') => {
    const trueType = bytes.readUInt32BE(0) === 0x00010000;
    return (
      `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;font-display:swap;${range}` +
      `src:url(data:font/${trueType ? 'ttf' : 'otf'};base64,${bytes.toString('base64')}) format('${trueType ? 'truetype' : 'opentype'}')}`
    );
  };
  const rare = `unicode-range:U+${EXT_FROM.toString(16).toUpperCase()}-10FFFF;`;
  // HanaMinB has one weight: bold text gets it as it is.
  const ext = fonts.ext ? face(fonts.ext, 400, rare) + (fonts.bold ? face(fonts.ext, 700, rare) : '') : '';
  return ext + face(fonts.regular, 400) + (fonts.bold ? face(fonts.bold, 700) : '');
}
