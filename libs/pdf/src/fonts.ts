import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family the renderer injects into every document; it is always the first of `CJK_FONT_STACK`. */
export const CJK_FONT_FAMILY = 'CareopsCJK';

/**
 * What documents name. A character the subset lacks (a name outside Noto Sans CJK SC) falls to the
 * system SC face and then to any font that has it: slower, but every character of a name renders.
 */
export const CJK_FONT_STACK = `'${CJK_FONT_FAMILY}', 'Noto Sans CJK SC', sans-serif`;

const NOTO_DIR = '/usr/share/fonts/opentype/noto';

export interface FontSubsetterOptions {
  /** Default: Debian's fonts-noto-cjk, /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc. */
  regularPath?: string;
  /** Default: …/NotoSansCJK-Bold.ttc. */
  boldPath?: string;
  /** The face inside the collections; 2 is Simplified Chinese (SC) in Noto Sans CJK. */
  faceIndex?: number;
  /** Default: the subsetting build shipped with harfbuzzjs. */
  wasmPath?: string;
}

/** One document's fonts: OpenType/CFF bytes, a few tens of KB instead of 19 MB. */
export interface FontSubset {
  regular: Buffer;
  /** Absent when asked for without: Chrome then makes bold text from the regular face. */
  bold?: Buffer;
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
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

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

/**
 * Cuts per-document subsets out of Noto Sans CJK SC with HarfBuzz's subsetter.
 *
 * Why: Chrome's `page.pdf()` time grows with the fonts a document uses, and the system Noto CJK
 * face is 19 MB; a subset holding only the document's characters prints several times faster.
 * The collections are read and parsed ONCE (they stay in the WebAssembly heap with their faces);
 * each `subset()` is then ~10 ms for both weights. Synchronous and not re-entrant, which is fine
 * on Node's single thread.
 */
/** Subsets kept for reuse, least recently used dropped first. */
const RECENT_SUBSETS = 32;

export class FontSubsetter {
  private readonly recent = new Map<string, FontSubset>();
  private readonly hb: HarfBuzzSubset;
  private readonly faces: { regular: number; bold: number };
  private readonly heap: number[] = [];
  private closed = false;

  constructor(options: FontSubsetterOptions = {}) {
    const wasmPath = options.wasmPath ?? harfbuzzSubsetWasm();
    this.hb = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {}).exports as unknown as HarfBuzzSubset;
    this.hb._initialize();
    const index = options.faceIndex ?? 2;
    this.faces = {
      regular: this.loadFace(options.regularPath ?? `${NOTO_DIR}/NotoSansCJK-Regular.ttc`, index),
      bold: this.loadFace(options.boldPath ?? `${NOTO_DIR}/NotoSansCJK-Bold.ttc`, index),
    };
    this.subset(ASCII_CODE_POINTS); // a bad file or face index fails here, at start-up, not in a render
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
    const subset = { regular: this.cut(this.faces.regular, points), bold: bold ? this.cut(this.faces.bold, points) : undefined };
    this.recent.set(key, subset);
    if (this.recent.size > RECENT_SUBSETS) this.recent.delete(this.recent.keys().next().value as string);
    return subset;
  }

  /** `@font-face` rules of CJK_FONT_FAMILY for a document whose source is `sources` (+ BASIC_CODE_POINTS). */
  fontFaceCss(...sources: string[]): string {
    return fontFaceRules(this.subset([...BASIC_CODE_POINTS, ...documentCodePoints(...sources)]));
  }

  /** Frees the faces and the WebAssembly heap's font copies. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hb.hb_face_destroy(this.faces.regular);
    this.hb.hb_face_destroy(this.faces.bold);
    for (const ptr of this.heap.splice(0)) this.hb.free(ptr);
  }

  private loadFace(path: string, index: number): number {
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
    this.heap.push(ptr);
    new Uint8Array(this.hb.memory.buffer).set(bytes, ptr);
    const blob = this.hb.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = this.hb.hb_face_create(blob, index);
    this.hb.hb_blob_destroy(blob); // the face holds its own reference
    return face;
  }

  private cut(face: number, points: number[]): Buffer {
    const { hb } = this;
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) throw new Error('HarfBuzz could not allocate a subset input');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of points) hb.hb_set_add(unicodes, cp);
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
 * `font-display: swap`: should a face not be loaded when Chrome paints, the text shows in the next
 * font of the stack rather than not at all.
 */
export function fontFaceRules(fonts: FontSubset, family: string = CJK_FONT_FAMILY): string {
  const face = (bytes: Buffer, weight: number) =>
    `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;font-display:swap;` +
    `src:url(data:font/otf;base64,${bytes.toString('base64')}) format('opentype')}`;
  return face(fonts.regular, 400) + (fonts.bold ? face(fonts.bold, 700) : '');
}
