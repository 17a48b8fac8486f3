// npm postinstall: copies pdf.js's legacy build from node_modules/pdfjs-dist into ui/vendor/pdfjs/.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = join(root, 'node_modules', 'pdfjs-dist');
const to = join(root, 'ui', 'vendor', 'pdfjs');
if (!existsSync(from)) {
  console.error('vendor: node_modules/pdfjs-dist is missing; run `npm install` first.');
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const [src, dst] of [
  ['legacy/build/pdf.min.mjs', 'pdf.min.mjs'],
  ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['LICENSE', 'LICENSE'],
]) {
  const path = join(from, src);
  if (existsSync(path)) copyFileSync(path, join(to, dst));
  else if (dst !== 'LICENSE') { console.error(`vendor: ${src} not found in pdfjs-dist`); process.exit(1); }
}
console.log(`vendor: pdf.js copied to ${to}`);
