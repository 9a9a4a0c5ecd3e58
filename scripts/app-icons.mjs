// The app's PNG icons, drawn from app/icon.svg (the favicon) with sharp, which Next.js installs
// for its image optimizer: no network, no other tool. Run after changing the logo, and commit
// the PNGs: `node scripts/app-icons.mjs`.
// - public/icons/icon-192.png, icon-512.png: the logo as it is (rounded square), for the web app
//   manifest (app/manifest.ts) and Android's launcher;
// - public/icons/icon-maskable-512.png: the same colour to the edges and the mark inside the
//   maskable safe zone (the middle circle of 80 %), which Android crops to its own shape;
// - app/apple-icon.png, 180 × 180: square to the edges, as iOS rounds the corners itself and
//   would show transparent ones black (Next.js links it as the apple-touch-icon).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
const logo = fs.readFileSync(path.join(root, 'app/icon.svg'), 'utf8');

// The logo is a 32 × 32 rounded square (its first element) with the mark drawn over it.
const viewBox = logo.match(/viewBox="0 0 (\d+) (\d+)"/);
const background = logo.match(/<rect\b[^>]*\bfill="([^"]+)"[^>]*\/>/);
if (!viewBox || viewBox[1] !== viewBox[2] || !background) throw new Error('app/icon.svg: expected a square viewBox and a background <rect fill="…"/> first');
const side = Number(viewBox[1]);
const mark = logo.slice(logo.indexOf(background[0]) + background[0].length, logo.lastIndexOf('</svg>'));

/** The mark on a full square of the logo's colour, scaled about the centre. */
function fullBleed(scale) {
  const c = side / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"><rect width="${side}" height="${side}" fill="${background[1]}"/><g transform="translate(${c} ${c}) scale(${scale}) translate(${-c} ${-c})">${mark}</g></svg>`;
}

const icons = [
  { file: 'public/icons/icon-192.png', size: 192, svg: logo },
  { file: 'public/icons/icon-512.png', size: 512, svg: logo },
  // The mark's farthest corner is 45 % of the side from the centre; at 0.8 it is 36 %, inside the 40 % circle.
  { file: 'public/icons/icon-maskable-512.png', size: 512, svg: fullBleed(0.8), opaque: true },
  { file: 'app/apple-icon.png', size: 180, svg: fullBleed(0.9), opaque: true },
];

for (const { file, size, svg, opaque } of icons) {
  const out = path.join(root, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Rendered at the size asked for (the SVG's density scaled), not drawn small and enlarged.
  let image = sharp(Buffer.from(svg), { density: (72 * size) / side }).resize(size, size);
  // The square ones have no transparency at all: no alpha channel for a launcher to fill black.
  if (opaque) image = image.flatten({ background: background[1] });
  await image.png({ compressionLevel: 9 }).toFile(out);
  console.log(`${file}: ${size} × ${size}`);
}
