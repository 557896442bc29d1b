// Data files shipped inside npm packages (GeoNames, Natural Earth, country lists). Some of those
// packages export no package.json to resolve, so the file is looked for on Node's own search paths.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function packageFile(pkg: string, file: string): string {
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const candidate = join(dir, pkg, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`npm package data not found: ${pkg}/${file} (run npm install)`);
}
