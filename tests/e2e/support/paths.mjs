// Where the e2e tests find things: the repository root and the built app (dist/, or DIST_DIR).

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const distDir = resolve(repoRoot, process.env.DIST_DIR ?? 'dist');
