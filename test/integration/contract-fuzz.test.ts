import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import { contract, METHOD_NAMES } from '../../shared/api/contract.ts';
import { ERROR_CODES } from '../../shared/api/errors.ts';
import type { Result } from '../../shared/api/result.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { mutated, zodArbitrary } from '../helpers/zod-arbitrary.ts';

/**
 * Property: every method of the contract, called through the real backend (a real SQLite file
 * holding the sample registry) with random JSON, with inputs generated from its own schema, and
 * with those inputs mutated, never throws and always answers a structured Result — a value, or an
 * error with a known code and a Chinese message without a stack trace — and never a program error
 * (INTERNAL). Jobs it starts finish without one either. The runs per method are bounded so the
 * whole property takes seconds; the number of cases is printed.
 */

process.env['REGISTRY_TODAY'] = '2024-06-30';
// FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further from the command line; the suite runs the fixed seed.
const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1) || 1;
const RUNS = { random: 8 * SCALE, valid: 16 * SCALE, mutated: 16 * SCALE };
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_241_212);

let backend: Backend;
const jobIds = new Set<string>();
let cases = 0;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
}, 120_000);

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

function expectStructured(method: string, input: unknown, result: Result<unknown>): void {
  cases += 1;
  const where = `${method} ${JSON.stringify(input)?.slice(0, 300)}`;
  expect(typeof result === 'object' && result !== null && typeof result.ok === 'boolean', where).toBe(true);
  if (result.ok) {
    const value = result.value as { jobId?: unknown } | null;
    if (value && typeof value === 'object' && typeof value.jobId === 'string') jobIds.add(value.jobId);
    return;
  }
  expect(ERROR_CODES, where).toContain(result.error.code);
  expect(result.error.code, `${where} → ${result.error.message}`).not.toBe('INTERNAL');
  expect(result.error.message, where).toMatch(/\p{Script=Han}/u);
  expect(result.error.message, where).not.toMatch(/\n\s+at |Error:/);
}

describe('every API method, on random, generated and mutated input', () => {
  it.each(METHOD_NAMES.map((m) => [m]))('%s', async (method) => {
    const schema = contract[method].input;
    const valid = zodArbitrary(schema);
    const run = async (arb: fc.Arbitrary<unknown>, numRuns: number) => {
      await fc.assert(
        fc.asyncProperty(arb, async (input) => {
          expectStructured(method, input, await backend.call(method, input));
        }),
        { numRuns, seed: SEED, endOnFailure: true },
      );
    };
    await run(fc.jsonValue({ maxDepth: 3 }), RUNS.random);
    await run(valid, RUNS.valid);
    await run(mutated(valid), RUNS.mutated);
  });

  it('the jobs those calls started end without a program error', async () => {
    for (const jobId of jobIds) {
      const status = await backend.context.jobs.wait(jobId);
      expect(status.error?.code ?? null, `${status.kind} ${status.error?.message ?? ''}`).not.toBe('INTERNAL');
    }
    process.stdout.write(`contract property: ${cases} cases over ${METHOD_NAMES.length} methods, ${jobIds.size} jobs\n`);
    expect(cases).toBe(METHOD_NAMES.length * (RUNS.random + RUNS.valid + RUNS.mutated));
  });
});
