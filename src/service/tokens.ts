// Bearer tokens, compared in constant time: the time taken depends on the length of the
// presented value and of the accepted tokens, never on how many of their characters match, and
// every accepted token is compared (no early exit). Plain code, no node:crypto, so the fake runs
// where there is none (workerd, browsers).

const encoder = new TextEncoder();

/** Byte-wise comparison that reads every byte of both values whatever they hold. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) difference |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i % Math.max(b.length, 1)] ?? 0);
  return difference === 0;
}

/** A checker of `Authorization` header values against the accepted tokens. */
export function createTokenCheck(tokens: readonly string[]): (authorization: string | null) => "ok" | "missing" | "invalid" {
  const accepted = tokens.map((token) => encoder.encode(`Bearer ${token}`));
  return (authorization) => {
    if (authorization === null) return "missing";
    const presented = encoder.encode(authorization);
    let ok = false;
    for (const token of accepted) ok = sameBytes(presented, token) || ok;
    return ok ? "ok" : "invalid";
  };
}
