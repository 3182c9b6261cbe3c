// The API keys, passwords and secrets the project's tests use, read from the test sources (string constants whose
// names say they are keys or secrets), so the package check covers every area's test credentials without a list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ASSIGNED_SECRET = /\b\w*(?:API_KEY|apiKey|PASSWORD|password|SECRET|secret|TOKEN|token)\w*\s*[:=]\s*'([A-Za-z0-9_\-.]{8,})'/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export function testSecrets(testDir: string): string[] {
  const found = new Set<string>();
  for (const file of tsFiles(testDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(ASSIGNED_SECRET)) found.add(match[1]);
  }
  return [...found];
}
