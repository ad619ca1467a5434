/** Fields never written into an audit diff, whatever entity they belong to. */
const SENSITIVE = /pass(word)?|hash|secret|token|idNumber|id_number|idCipher|id_cipher/i;

export type Plain = Record<string, unknown>;

/** The before/after of a change, only the fields that changed, sensitive ones redacted. */
export function auditDiff(before: Plain | null | undefined, after: Plain | null | undefined): Plain {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: Plain = {};
  for (const key of [...keys].sort()) {
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    diff[key] = SENSITIVE.test(key)
      ? { before: b === undefined ? undefined : '[redacted]', after: a === undefined ? undefined : '[redacted]' }
      : { before: b, after: a };
  }
  return diff;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}
