// Run in a fresh Node process by catalogColdBench.ts, so that nothing is warm: loads the server's modules and the
// 232-type catalog, then checks one document per type, each check paying that type's first use (read, normalise,
// compile, validate). Prints the timings as one JSON line. Input: the path of a JSON file {type: documentText}.
import { readFileSync } from 'node:fs';
import { now } from './stats';

async function main(): Promise<void> {
  const documents = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, string>;
  const started = now();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createCatalog, OurValidator } = require('./ourValidation') as typeof import('./ourValidation');
  const { SHARED_CATALOG } = require('./paths') as typeof import('./paths');
  const modulesMs = now() - started;
  const indexStart = now();
  const catalog = createCatalog([SHARED_CATALOG]);
  const types = catalog.listTypes().map((t) => t.id);
  const indexMs = now() - indexStart;
  const validator = new OurValidator(catalog);
  const perType: Record<string, number> = {};
  for (const type of types) {
    const start = now();
    const diagnostics = await validator.validate(`file:///cold/${type}.polytomic.json`, documents[type]);
    perType[type] = now() - start;
    if (diagnostics.some((d) => d.severity === 1)) throw new Error(`the ${type} document has errors: ${diagnostics[0].message}`);
  }
  const totalMs = now() - started;
  process.stdout.write(JSON.stringify({ modulesMs, indexMs, perType, firstType: types[0], totalMs }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
