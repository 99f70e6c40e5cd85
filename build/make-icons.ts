import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run icons`: renders the one source image, build/icon.svg, into every icon the installers
 * need, and the results are committed (packaging needs no image tools):
 *
 * - build/icons/NxN.png — the Linux icon set (deb and AppImage install them into the hicolor theme);
 * - build/icon.png — 1024 × 1024, for anything that wants one large image;
 * - build/icon.ico — Windows (program, installer, uninstaller, shortcuts): 16 to 128 as 32-bit
 *   bitmaps, which every Windows icon reader accepts, and 256 as PNG.
 *
 * Needs Debian's `rsvg-convert` and `icotool`: `apt-get install librsvg2-bin icoutils`.
 */

export const BUILD_DIR = import.meta.dirname;
export const SOURCE_SVG = path.join(BUILD_DIR, 'icon.svg');
/** The hicolor theme's sizes, and 1024 for high-density screens. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** What Windows asks for at 100–200 % scaling (16, 20, 24, 32, 40, 48, 64), Explorer's large views (128, 256). */
export const WINDOWS_ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256] as const;

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`未找到 ${command}。请先安装：sudo apt-get install librsvg2-bin icoutils（${command} not found: install librsvg2-bin and icoutils）`);
  }
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function render(size: number, out: string): void {
  run('rsvg-convert', ['--width', String(size), '--height', String(size), '--format', 'png', '--output', out, SOURCE_SVG]);
}

export function makeIcons(): string[] {
  const written: string[] = [];
  const iconsDir = path.join(BUILD_DIR, 'icons');
  fs.rmSync(iconsDir, { recursive: true, force: true });
  fs.mkdirSync(iconsDir);
  for (const size of LINUX_ICON_SIZES) {
    const out = path.join(iconsDir, `${size}x${size}.png`);
    render(size, out);
    written.push(out);
  }
  fs.copyFileSync(path.join(iconsDir, '1024x1024.png'), path.join(BUILD_DIR, 'icon.png'));
  written.push(path.join(BUILD_DIR, 'icon.png'));

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-icons-'));
  try {
    const pngs = WINDOWS_ICON_SIZES.map((size) => {
      const out = path.join(scratch, `${size}.png`);
      render(size, out);
      return { size, out };
    });
    const ico = path.join(BUILD_DIR, 'icon.ico');
    const bitmaps = pngs.filter((p) => p.size < 256).map((p) => p.out);
    const raw = pngs.filter((p) => p.size >= 256).flatMap((p) => ['--raw', p.out]);
    run('icotool', ['--create', '--output', ico, ...bitmaps, ...raw]);
    written.push(ico);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return written;
}

if (import.meta.main) {
  try {
    for (const file of makeIcons()) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
