import { createRequire } from 'node:module';

/**
 * Runs @doyensec/electronegativity's API on a folder and prints what it found as JSON on stdout.
 * Run in a child process by test/integration/electron-security.test.ts: the scanner tries to
 * fetch translations over the network, and the HTTP library it uses can throw from a timer after
 * the scan has finished, which must not reach the test runner.
 *
 * `node electronegativity-scan.ts <folder> <electron version>`
 */

interface Finding {
  id: string;
  file: string;
  location?: { line: number; column: number };
  sample?: string;
  description: string;
  manualReview?: boolean;
  severity?: { name: string };
  confidence?: { name: string };
}

interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}

type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const [input, electronVersion] = process.argv.slice(2);
// A CommonJS package whose module.exports is the run function.
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Needs the internet (it downloads Electron's release list); the Electron version is pinned in package.json.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});
const issues = result.issues.map((i) => ({
  id: i.id,
  file: i.file,
  line: i.location?.line ?? 0,
  sample: i.sample ?? '',
  description: i.description,
  manualReview: i.manualReview ?? false,
  severity: i.severity?.name ?? '',
  confidence: i.confidence?.name ?? '',
}));
process.stdout.write(`${JSON.stringify({ globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, errors: result.errors, issues })}\n`);
process.exit(0);
