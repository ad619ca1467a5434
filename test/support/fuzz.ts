import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/*
 * a fuzzer driven by the OpenAPI document. This module only makes cases (deterministic
 * for a seed) and summarises outcomes; test/fuzz.e2e-spec.ts sends them to the in-process app.
 */

/** mulberry32: a small seeded PRNG, so that a failing case reproduces with the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-formed (version 4) UUID from the PRNG: one that names nothing. */
export function seededUuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(rand() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document (only what the fuzzer reads)

export interface Schema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  minLength?: number;
  maximum?: number;
  minimum?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface DocOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, DocOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  /** As in the document: `/api/facilities/{facilityId}/beds`. */
  template: string;
  operationId: string;
  params: Parameter[];
  /** The JSON request body's schema (resolved), and the component's name. */
  body?: { name: string; schema: Schema };
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Every path × method of the document. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops)
      .filter(([method]) => (METHODS as string[]).includes(method))
      .map(([method, op]) => {
        const json = op.requestBody?.content?.['application/json']?.schema;
        return {
          method: method as Method,
          template,
          operationId: op.operationId ?? `${method} ${template}`,
          params: op.parameters ?? [],
          ...(json ? { body: { name: json.$ref?.split('/').pop() ?? 'body', schema: resolve(doc, json) } } : {}),
        };
      }),
  );
}

/** Follows `$ref` and a single `allOf` (how @nestjs/swagger writes a described nested DTO). */
export function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolvable ${schema.$ref}`);
    return resolve(doc, target);
  }
  if (schema.allOf?.length === 1 && !schema.type) {
    const { allOf, ...own } = schema;
    return { ...resolve(doc, allOf[0]), ...own };
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// What a field is, and a valid value for it

export type Flavor = 'string' | 'enum' | 'date' | 'month' | 'time' | 'datetime' | 'id' | 'number' | 'boolean' | 'array' | 'object';

/** A field's kind, from its schema, its example and (where the document says only "string") its name. */
export function flavorOf(name: string, s: Schema): Flavor {
  if (s.enum) return 'enum';
  if (s.format === 'uuid') return 'id';
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'datetime';
  const ex = typeof s.example === 'string' ? s.example : '';
  switch (s.type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'string':
      if (/Id$/.test(name)) return 'id';
      if (/^\d{4}-\d{2}-\d{2}T/.test(ex) || /At$/.test(name)) return 'datetime';
      if (/^\d{4}-\d{2}-\d{2}$/.test(ex) || /(On|From|To)$/.test(name) || ['date', 'day', 'from', 'to'].includes(name)) return 'date';
      if (/^\d{4}-\d{2}$/.test(ex) || name === 'month') return 'month';
      if (/^\d{2}:\d{2}$/.test(ex) || /^check(In|Out)$/.test(name)) return 'time';
      return 'string';
    default:
      // Query parameters typed as a bare object by the document (page, pageSize) are numbers.
      if (/^(page|pageSize|limit|offset|year)$/.test(name)) return 'number';
      return s.properties ? 'object' : 'string';
  }
}

/** One valid value from the schema: an enum's first value, the example, else one by kind. */
export function sample(doc: OpenApiDoc, name: string, schema: Schema, ids: Record<string, string>): unknown {
  const s = resolve(doc, schema);
  if (ids[name] !== undefined && s.type === 'string') return ids[name];
  if (s.enum) return s.enum[0];
  if (s.example !== undefined) return s.example;
  switch (flavorOf(name, s)) {
    case 'id':
      return ids[name] ?? '00000000-0000-4000-8000-000000000001';
    case 'date':
      return '2026-01-10';
    case 'month':
      return '2026-01';
    case 'time':
      return '08:30';
    case 'datetime':
      return '2026-01-10T10:00:00+08:00';
    case 'number':
      return s.default ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return s.items ? [sample(doc, name, s.items, ids)] : [];
    case 'object':
      return sampleObject(doc, s, ids);
    default:
      return 'fuzz';
  }
}

/** Every property of an object schema, required or not (so that each gets mutated in place). */
export function sampleObject(doc: OpenApiDoc, schema: Schema, ids: Record<string, string>): Record<string, unknown> {
  const s = resolve(doc, schema);
  return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(doc, k, v, ids)]));
}

// ---------------------------------------------------------------------------------------------
// Mutations of one value

/** A JSON text put verbatim into the body (numbers JSON.stringify cannot write, deep nesting, `__proto__`). */
export class Raw {
  constructor(readonly json: string) {}
}
/** The field is left out. */
export const MISSING = Symbol('missing');

export interface Mutation {
  kind: string;
  value: unknown;
}

const nestArrays = (n: number) => new Raw(`${'['.repeat(n)}1${']'.repeat(n)}`);
const nestObjects = (n: number) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
export const NESTING = [10, 100, 2000];
export const KB100 = 'x'.repeat(100_000);
export const PROTO_KEYS: Mutation[] = [
  { kind: 'prototype key __proto__', value: new Raw('{"__proto__":{"polluted":"yes"}}') },
  { kind: 'prototype key constructor', value: new Raw('{"constructor":{"prototype":{"polluted":"yes"}}}') },
  { kind: 'prototype key prototype', value: new Raw('{"prototype":{"polluted":"yes"}}') },
];

/** Text that is valid JSON but awkward for everything after the parser. */
export const TEXTS: Mutation[] = [
  { kind: '100 KB string', value: KB100 },
  { kind: 'control characters', value: 'a\u0001\u0007\b\t\n\v\f\r\u001b\u007f\u0085\u2028\u2029z' },
  { kind: 'NUL', value: 'a\u0000b' },
  { kind: 'emoji', value: '👵🏻👨‍👩‍👧‍👦🏥' },
  { kind: 'astral characters', value: '𠀀𪚥𰻞𝕏' },
  { kind: 'lone surrogate', value: new Raw('"\\ud800x"') },
  { kind: 'empty string', value: '' },
  { kind: 'blank string', value: ' \t ' },
  // Over PostgreSQL's B-tree limit (about 2,700 bytes) for a unique or indexed column, under any 100 KB cap.
  { kind: 'long CJK string (3,000 bytes)', value: '护'.repeat(1_000) },
  { kind: 'zero-width and bidi characters', value: '\u200b\u200e\u202eabc\ufeff' },
  { kind: 'SQL and LIKE metacharacters', value: "' OR '1'='1' -- %_\\" },
  { kind: 'template syntax', value: '{{constructor.constructor}}<script>x</script>${1}' },
];

/** Ids the world holds that a field must not accept: another facility's, or another kind of record's. */
export interface ForeignIds {
  /** By field name (residentId, bedId, roomId, facilityId, …): facility B's record of that kind. */
  otherFacility: Record<string, string>;
  /** A real id of some other kind of record (a room's), for any id field but roomId. */
  otherKind: string;
  otherKindForRoom: string;
}

const BY_FLAVOR: Partial<Record<Flavor, (rand: () => number, base: unknown, name: string, foreign?: ForeignIds) => Mutation[]>> = {
  date: () => [
    ...['2026-02-30', '2026-13-01', '', 'yesterday', '2026-02-29', '0000-01-01', '+275760-09-13', '2026-01-10T25:00:00Z'].map((v) => ({
      kind: `invalid date ${JSON.stringify(v)}`,
      value: v,
    })),
    ...['0001-01-01', '9999-12-31', '1900-01-01'].map((v) => ({ kind: `extreme date ${v}`, value: v })),
  ],
  month: () => [
    ...['2026-13', '2026-00', '', 'yesterday', '2026-02-30', '0000-01', '99999-01'].map((v) => ({
      kind: `invalid month ${JSON.stringify(v)}`,
      value: v,
    })),
    ...['0001-01', '9999-12'].map((v) => ({ kind: `extreme month ${v}`, value: v })),
  ],
  time: () => ['25:00', '08:60', '8:3', '23:59:60', ''].map((v) => ({ kind: `invalid time ${JSON.stringify(v)}`, value: v })),
  datetime: () =>
    ['2026-02-30T11:30:00+08:00', '2026-11-24T11:30:00+99:00', 'yesterday', '', '2026-11-24', '275760-09-13T00:00:00Z'].map((v) => ({
      kind: `invalid datetime ${JSON.stringify(v)}`,
      value: v,
    })),
  id: (rand, _base, name, foreign) => [
    ...(foreign?.otherFacility[name] ? [{ kind: 'id from another facility', value: foreign.otherFacility[name] }] : []),
    ...(foreign ? [{ kind: 'id of another kind of record', value: name === 'roomId' ? foreign.otherKindForRoom : foreign.otherKind }] : []),
    { kind: 'random UUID', value: seededUuid(rand) },
    { kind: 'invalid UUID "not-a-uuid"', value: 'not-a-uuid' },
    { kind: 'invalid UUID (g)', value: '00000000-0000-4000-8000-00000000000g' },
    { kind: 'invalid UUID (37 chars)', value: `${seededUuid(rand)}0` },
    { kind: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  ],
  enum: (_rand, base) => [
    { kind: 'not in enum', value: 'NOT_A_VALUE' },
    { kind: 'enum in lower case', value: String(base).toLowerCase() },
  ],
  number: () => [
    { kind: 'number 1e308', value: 1e308 },
    { kind: 'number -1', value: -1 },
    { kind: 'number 1e-7', value: 1e-7 },
    { kind: 'number 1e-12', value: 1e-12 },
    { kind: 'number "NaN"', value: 'NaN' },
    { kind: 'number 2**53+1', value: new Raw('9007199254740993') },
    { kind: 'number 1e999 (Infinity)', value: new Raw('1e999') },
    { kind: 'number -1e999', value: new Raw('-1e999') },
    { kind: 'number 0', value: 0 },
    { kind: 'number 1.005', value: 1.005 },
    { kind: 'number 2**31 (int4 overflow)', value: 2_147_483_648 },
    { kind: 'number -2**31-1', value: -2_147_483_649 },
    { kind: 'number 1e15', value: 1e15 },
    { kind: 'number as string "1"', value: '1' },
  ],
};

const WRONG_TYPES: Record<string, Mutation[]> = {
  string: [
    { kind: 'wrong type number', value: 123 },
    { kind: 'wrong type boolean', value: true },
    { kind: 'wrong type object', value: { nested: [1] } },
    { kind: 'wrong type array', value: ['x'] },
  ],
  number: [
    { kind: 'wrong type string', value: 'abc' },
    { kind: 'wrong type boolean', value: true },
    { kind: 'wrong type object', value: {} },
    { kind: 'wrong type array', value: [1] },
  ],
  boolean: [
    { kind: 'wrong type string "true"', value: 'true' },
    { kind: 'wrong type number 1', value: 1 },
    { kind: 'wrong type object', value: {} },
    { kind: 'wrong type array', value: [true] },
  ],
  array: [
    { kind: 'wrong type string', value: 'x' },
    { kind: 'wrong type object', value: {} },
    { kind: 'array of null', value: [null] },
    { kind: 'array of numbers', value: [123] },
    { kind: 'array of unknown strings', value: ['NOT_A_VALUE'] },
    { kind: 'array of 10,000', value: Array.from({ length: 10_000 }, () => 'x') },
  ],
  object: [
    { kind: 'wrong type string', value: 'x' },
    { kind: 'wrong type array', value: [] },
    { kind: 'wrong type number', value: 1 },
    { kind: 'empty object', value: {} },
  ],
};

/** The text mutations every string field gets; of the others (TEXTS) each field gets two, by the PRNG. */
const ALWAYS = new Set(['100 KB string', 'control characters', 'NUL', 'emoji', 'astral characters', 'empty string']);
const pick = <T>(list: T[], rand: () => number): T => list[Math.floor(rand() * list.length)];

/**
 * The mutations of one body field (`base` is its valid value). To keep the run bounded a field gets,
 * of each nesting depth, arrays or objects, and one of the prototype keys (the whole body gets all).
 */
export function valueMutations(
  flavor: Flavor,
  base: unknown,
  required: boolean,
  rand: () => number,
  name = '',
  foreign?: ForeignIds,
): Mutation[] {
  const group = ['number', 'boolean', 'array', 'object'].includes(flavor) ? flavor : 'string';
  const others = TEXTS.filter((t) => !ALWAYS.has(t.kind));
  const first = pick(others, rand);
  const second = pick(
    others.filter((t) => t !== first),
    rand,
  );
  return [
    ...(required ? [{ kind: 'missing required field', value: MISSING }] : []),
    { kind: 'null', value: null },
    ...WRONG_TYPES[group],
    ...NESTING.map((n) =>
      rand() < 0.5 ? { kind: `nesting ${n} arrays`, value: nestArrays(n) } : { kind: `nesting ${n} objects`, value: nestObjects(n) },
    ),
    pick(PROTO_KEYS, rand),
    ...(group === 'string' ? [...TEXTS.filter((t) => ALWAYS.has(t.kind)), first, second] : []),
    ...(BY_FLAVOR[flavor]?.(rand, base, name, foreign) ?? []),
  ];
}

// ---------------------------------------------------------------------------------------------
// Bodies

/** JSON.stringify, with Raw values written verbatim and MISSING values left out. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v === MISSING) return undefined;
    if (v instanceof Raw) {
      raws.push(v.json);
      return `@@raw${raws.length - 1}@@`;
    }
    return v;
  });
  return raws.length === 0 ? text : text.replace(/"@@raw(\d+)@@"/g, (_m, i: string) => raws[Number(i)]);
}

/** Sets `value` at `path` in a copy of `body` (a path through objects and array items). */
export function setAt(body: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(body)) {
    const copy = [...body];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy;
  }
  const obj = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, value) };
}

export interface BodyCase {
  kind: string;
  where: string;
  data: string | Buffer;
  contentType: string;
  encoding?: string;
}

const JSON_TYPE = 'application/json';

/** One field at a time, each mutation; nested DTOs (and array items of them) field by field too. */
export function fieldCases(
  doc: OpenApiDoc,
  schema: Schema,
  baseline: Record<string, unknown>,
  rand: () => number,
  foreign?: ForeignIds,
): BodyCase[] {
  const out: BodyCase[] = [];
  const walk = (s: Schema, path: Array<string | number>, where: string, depth: number) => {
    const resolved = resolve(doc, s);
    for (const [name, prop] of Object.entries(resolved.properties ?? {})) {
      const p = resolve(doc, prop);
      const flavor = flavorOf(name, p);
      const here = [...path, name];
      const label = `${where}.${name}`;
      const base = here.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], baseline);
      for (const m of valueMutations(flavor, base, (resolved.required ?? []).includes(name), rand, name, foreign)) {
        out.push({ kind: m.kind, where: label, data: serialize(setAt(baseline, here, m.value)), contentType: JSON_TYPE });
      }
      if (depth > 0) continue;
      if (flavor === 'object') walk(p, here, label, depth + 1);
      if (flavor === 'array' && p.items) {
        const item = resolve(doc, p.items);
        if (item.properties) walk(item, [...here, 0], `${label}[0]`, depth + 1);
        else {
          for (const m of valueMutations(flavorOf(name, item), Array.isArray(base) ? base[0] : undefined, false, rand).filter(
            (x) => x.value !== MISSING && !/nesting (10|100) /.test(x.kind),
          )) {
            out.push({
              kind: `item: ${m.kind}`,
              where: `${label}[0]`,
              data: serialize(setAt(baseline, [...here, 0], m.value)),
              contentType: JSON_TYPE,
            });
          }
        }
      }
    }
  };
  walk(schema, [], 'body', 0);
  return out;
}

/** Mutations of the body as a whole: not an object, not JSON, nested, prototype keys, other content types. */
export function wholeBodyCases(baseline: Record<string, unknown> | undefined, fields: string[]): BodyCase[] {
  const base = serialize(baseline ?? {});
  const inner = base.slice(1, -1);
  const withKey = (raw: string) => `{${raw}${inner ? `,${inner}` : ''}}`;
  const json = (kind: string, data: string): BodyCase => ({ kind, where: 'body', data, contentType: JSON_TYPE });
  return [
    json('body: array', '[1,2]'),
    json('body: empty array', '[]'),
    json('body: string', '"text"'),
    json('body: null', 'null'),
    json('body: true', 'true'),
    json('body: number', '123'),
    json('body: empty', ''),
    json('body: {} (every required field missing)', '{}'),
    json('body: invalid JSON', '{"name": '),
    json('body: trailing garbage', `${base}x`),
    json('body: BOM', `\ufeff${base}`),
    json('body: duplicate keys', withKey(fields.length ? `"${fields[0]}":123` : '"a":1')),
    json('body: unknown field', withKey('"isAdmin":true')),
    json('body: every field a wrong type', serialize(Object.fromEntries(fields.map((f) => [f, { nested: [1] }])))),
    json('body: every field null', serialize(Object.fromEntries(fields.map((f) => [f, null])))),
    ...NESTING.flatMap((n) => [
      json(`body: nesting ${n} arrays`, nestArrays(n).json),
      json(`body: nesting ${n} objects`, nestObjects(n).json),
    ]),
    json('body: prototype key __proto__', withKey('"__proto__":{"polluted":"yes","isAdmin":true}')),
    json('body: prototype key constructor', withKey('"constructor":{"prototype":{"polluted":"yes"}}')),
    json('body: prototype key prototype', withKey('"prototype":{"polluted":"yes"}')),
    json('body: 100 KB unknown field', withKey(`"filler":"${KB100}"`)),
    { kind: 'body: as text/plain', where: 'body', data: base, contentType: 'text/plain' },
    {
      kind: 'body: as form',
      where: 'body',
      data: new URLSearchParams(Object.entries(baseline ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString(),
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      kind: 'body: form with prototype keys',
      where: 'body',
      data: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&a[b][c][d][e][f][g]=1',
      contentType: 'application/x-www-form-urlencoded',
    },
    { kind: 'body: charset utf-16', where: 'body', data: base, contentType: 'application/json; charset=utf-16' },
    {
      kind: 'body: multipart',
      where: 'body',
      data: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      contentType: 'multipart/form-data; boundary=x',
    },
  ];
}

/** Two date (or time) fields of the body in the wrong order, or equal: empty or reversed ranges. */
export function orderCases(doc: OpenApiDoc, schema: Schema, baseline: Record<string, unknown>): BodyCase[] {
  const props = resolve(doc, schema).properties ?? {};
  const of = (flavor: Flavor) =>
    Object.keys(props).filter((k) => typeof baseline[k] === 'string' && flavorOf(k, resolve(doc, props[k])) === flavor);
  return (['date', 'time'] as Flavor[]).flatMap((flavor) => {
    const [a, b] = of(flavor);
    if (!a || !b || baseline[a] === baseline[b]) return [];
    const where = `body.${a}+${b}`;
    return [
      {
        kind: `${flavor} fields swapped`,
        where,
        data: serialize({ ...baseline, [a]: baseline[b], [b]: baseline[a] }),
        contentType: JSON_TYPE,
      },
      { kind: `${flavor} fields equal`, where, data: serialize({ ...baseline, [b]: baseline[a] }), contentType: JSON_TYPE },
    ];
  });
}

/** Broken compressed bodies (and an unknown coding): the body parser's inflation, never a 500. */
export function encodingCases(baseline: Record<string, unknown> | undefined): BodyCase[] {
  const plain = Buffer.from(serialize(baseline ?? {}));
  const cut = (b: Buffer) => b.subarray(0, Math.max(1, Math.floor(b.length / 2)));
  const enc = (kind: string, encoding: string, data: Buffer): BodyCase => ({
    kind,
    where: 'content-encoding',
    data,
    contentType: JSON_TYPE,
    encoding,
  });
  // Small on the wire, 2 MB inflated: over the 1 MB limit once decompressed.
  const bomb = gzipSync(Buffer.from(`{"a":"${' '.repeat(2_000_000)}"}`));
  return [
    enc('gzip: bytes not compressed', 'gzip', plain),
    enc('deflate: bytes not compressed', 'deflate', plain),
    enc('br: bytes not compressed', 'br', plain),
    enc('gzip: truncated stream', 'gzip', cut(gzipSync(plain))),
    enc('deflate: truncated stream', 'deflate', cut(deflateSync(plain))),
    enc('br: truncated stream', 'br', cut(brotliCompressSync(plain))),
    enc('gzip: 2 MB when inflated', 'gzip', bomb),
    enc('gzip, deflate: bytes not compressed', 'gzip, deflate', plain),
    enc('unknown encoding compress', 'compress', plain),
    enc('unknown encoding x-fuzz', 'x-fuzz', plain),
  ];
}

// ---------------------------------------------------------------------------------------------
// Path, query and header parameters

/**
 * Values for a path parameter, already percent-encoded (some deliberately badly): a random UUID, an
 * invalid one, another facility's id and the id in upper case always, three of the rest by the PRNG
 * (the same parameter is on many routes; over them all every value is sent many times).
 */
export function pathMutations(name: string, base: string, rand: () => number, foreign?: ForeignIds): Mutation[] {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(base);
  const always: Mutation[] = [
    ...(uuid ? [{ kind: 'UUID in upper case', value: base.toUpperCase() }] : []),
    ...(foreign?.otherFacility[name] ? [{ kind: 'id from another facility', value: foreign.otherFacility[name] }] : []),
    { kind: 'random UUID', value: seededUuid(rand) },
    { kind: 'invalid UUID "not-a-uuid"', value: 'not-a-uuid' },
    ...(name === 'code' ? ['000000', '4104', '4104001', '41040x'].map((v) => ({ kind: `division code ${v}`, value: v })) : []),
    ...(name === 'hash' || name === 'codeOrNumber'
      ? [
          { kind: '64 hex of nothing', value: 'a'.repeat(64) },
          { kind: 'upper-case hex', value: 'A'.repeat(64) },
        ]
      : []),
  ];
  const rest = otherPathValues(rand);
  const chosen: Mutation[] = [];
  while (chosen.length < 3) {
    const m = pick(rest, rand);
    if (!chosen.includes(m)) chosen.push(m);
  }
  return [...always, ...chosen];
}

function otherPathValues(rand: () => number): Mutation[] {
  const e = encodeURIComponent;
  return [
    { kind: 'invalid UUID (37 chars)', value: `${seededUuid(rand)}0` },
    { kind: 'invalid UUID (g)', value: '00000000-0000-4000-8000-00000000000g' },
    { kind: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
    { kind: 'NUL', value: 'a%00b' },
    { kind: 'control characters', value: e('a\u0001\u001b\u007fz') },
    { kind: 'emoji', value: e('👵🏻') },
    { kind: 'invalid UTF-8 %ED%A0%80', value: '%ED%A0%80' },
    { kind: 'bad percent-encoding %zz', value: '%zz' },
    { kind: '8 KB string (URL limit)', value: 'x'.repeat(8_000) },
    { kind: 'dot segments', value: '..%2F..%2Fhealth' },
    { kind: 'number -1', value: '-1' },
  ];
}

/** A query mutation is the raw query-string fragment standing for the parameter (or nothing). */
export function queryMutations(
  name: string,
  flavor: Flavor,
  required: boolean,
  base: string,
  rand: () => number,
  foreign?: ForeignIds,
): Mutation[] {
  const k = encodeURIComponent(name);
  const v = (s: string) => `${k}=${encodeURIComponent(s)}`;
  const list: Mutation[] = [
    ...(required ? [{ kind: 'missing required parameter', value: '' }] : []),
    { kind: 'empty', value: `${k}=` },
    { kind: 'name only', value: k },
    { kind: 'wrong type: repeated (array)', value: `${k}=${encodeURIComponent(base)}&${k}=${encodeURIComponent(base)}` },
    { kind: 'wrong type: brackets (array)', value: `${k}[]=${encodeURIComponent(base)}` },
    { kind: 'wrong type: brackets (object)', value: `${k}[a]=1` },
    { kind: 'wrong type "true"', value: v('true') },
    { kind: 'wrong type "123"', value: v('123') },
    ...NESTING.flatMap((n) => [
      { kind: `nesting ${n} arrays`, value: `${k}${'[]'.repeat(n)}=1` },
      { kind: `nesting ${n} objects`, value: `${k}${'[a]'.repeat(n)}=1` },
    ]),
    { kind: 'prototype key __proto__', value: `${k}[__proto__][polluted]=yes` },
    { kind: 'prototype key constructor', value: `constructor[prototype][polluted]=yes&${v(base)}` },
    { kind: 'prototype key prototype', value: `__proto__[polluted]=yes&prototype=1&${v(base)}` },
    { kind: '8 KB string (URL limit)', value: v('x'.repeat(8_000)) },
    // Over Node's 16 KB header limit: Node answers 431 before the app sees it.
    { kind: '100 KB string', value: v(KB100) },
    { kind: 'control characters', value: v('a\u0001\u0007\t\n\r\u001b\u007fz') },
    { kind: 'NUL', value: v('a\u0000b') },
    { kind: 'emoji', value: v('👵🏻👨‍👩‍👧‍👦') },
    { kind: 'astral characters', value: v('𠀀𪚥') },
    { kind: 'invalid UTF-8 %ED%A0%80', value: `${k}=%ED%A0%80` },
    { kind: 'bad percent-encoding %zz', value: `${k}=%zz` },
    ...(BY_FLAVOR[flavor]?.(rand, base, name, foreign) ?? []).map((m) => ({
      kind: m.kind,
      value: v(m.value instanceof Raw ? m.value.json : String(m.value)),
    })),
  ];
  return list;
}

/** Values a header may carry (Node refuses control characters in a header before it is sent). */
export const HEADER_MUTATIONS: Mutation[] = [
  { kind: 'empty', value: '' },
  { kind: 'blank', value: '   ' },
  { kind: '300 chars', value: 'k'.repeat(300) },
  { kind: '8 KB', value: 'k'.repeat(8_000) },
  { kind: 'latin-1 bytes', value: 'caf\u00e9\u00ff' },
  { kind: 'quotes and commas', value: '"a", b; c=d' },
  // One valid key on every route that takes one: the first stores its answer, the others reuse it.
  { kind: 'one key for every route', value: 'fuzz-shared-idempotency-key' },
];

// ---------------------------------------------------------------------------------------------
// Outcomes

export interface Outcome {
  id: string;
  method: string;
  template: string;
  kind: string;
  where: string;
  mode: 'token' | 'anonymous';
  status: number;
  ms: number;
  /** For a 5xx or a failure: the app's logged error (or the client's error), first lines. */
  error?: string;
}

export interface FailureClass {
  status: number | string;
  route: string;
  kind: string;
  error: string;
  where: string[];
  modes: string[];
  count: number;
  example: string;
}

/** The error the app logged under a request id (the filter's "Unhandled error", else any error line). */
export function loggedError(logs: Array<Record<string, unknown>>, id: string): string | undefined {
  const mine = logs.filter((l) => l['requestId'] === id || (l['req'] as { id?: string } | undefined)?.id === id);
  const line =
    mine.find((l) => l['msg'] === 'Unhandled error') ??
    mine.find((l) => l['err'] && Number(l['level']) >= 50) ??
    mine.find((l) => Number(l['level']) >= 50);
  if (!line) return undefined;
  const err = line['err'] as { type?: string; name?: string; message?: string; stack?: string; code?: string } | undefined;
  if (!err) return String(line['msg']);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((f) => /^\s+at /.test(f))
    .map((f) => f.trim().replace(/^at /, ''));
  const ours = frames.find((f) => /(libs|apps)\/[^ ]*\.ts/.test(f) && !f.includes('node_modules'));
  const where = (ours ?? frames[0] ?? '').replace(/^.*?\/((?:libs|apps|node_modules)\/)/, '$1').replace(/\)$/, '');
  return `${err.type ?? err.name ?? 'Error'}${err.code ? ` [${err.code}]` : ''}: ${(err.message ?? '').split('\n')[0].slice(0, 200)}${where ? ` @ ${where}` : ''}`;
}

/** 5xx (and timeouts, dropped connections) grouped by method + route + mutation kind + error. */
export function classify(failures: Outcome[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const o of failures) {
    const route = `${o.method.toUpperCase()} ${o.template}`;
    const error = o.error ?? '(nothing logged)';
    const key = `${route}|${o.kind}|${error}|${o.status}`;
    const c = classes.get(key) ?? {
      status: o.status || 'no response',
      route,
      kind: o.kind,
      error,
      where: [],
      modes: [],
      count: 0,
      example: o.id,
    };
    if (!c.where.includes(o.where)) c.where.push(o.where);
    if (!c.modes.includes(o.mode)) c.modes.push(o.mode);
    c.count++;
    classes.set(key, c);
  }
  return [...classes.values()].sort((a, b) => a.route.localeCompare(b.route) || a.kind.localeCompare(b.kind));
}

/** The same failures by error alone: one line per root cause, with the routes it showed on. */
export function byError(classes: FailureClass[]): string[] {
  const causes = new Map<string, { routes: Set<string>; kinds: Set<string>; count: number }>();
  for (const c of classes) {
    const cause = causes.get(c.error) ?? { routes: new Set<string>(), kinds: new Set<string>(), count: 0 };
    cause.routes.add(c.route);
    cause.kinds.add(c.kind);
    cause.count += c.count;
    causes.set(c.error, cause);
  }
  return [...causes.entries()].map(([error, c]) => `${error} ×${c.count}: ${[...c.kinds].join(' | ')} on ${[...c.routes].join(', ')}`);
}

export function describeClass(c: FailureClass): string {
  return `${c.status} ${c.route} — ${c.kind} [${c.where.join(', ')}] ×${c.count} (${c.modes.join('+')}; e.g. ${c.example}) → ${c.error}`;
}
