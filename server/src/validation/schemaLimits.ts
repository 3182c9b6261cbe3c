// The largest schema the server compiles. The 232 real connection types have at most 78 schema nodes nested 10 deep,
// so these limits leave room for a hundredfold larger type while refusing a served schema built to exhaust the server
// (compiling it would block every document, and ajv's generated code recurses once per level).
export const MAX_SCHEMA_NODES = 20_000;
export const MAX_SCHEMA_DEPTH = 64;

/** Why the schema is too big to compile, or undefined when it is within the limits. Stops counting at the limit. */
export function schemaTooBig(schema: unknown): string | undefined {
  let nodes = 0;
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: schema, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (++nodes > MAX_SCHEMA_NODES) return `it has more than ${MAX_SCHEMA_NODES.toLocaleString('en')} objects and arrays, the most a schema may have`;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_SCHEMA_DEPTH) return `it nests more than ${MAX_SCHEMA_DEPTH} levels deep, the most a schema may`;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return undefined;
}
