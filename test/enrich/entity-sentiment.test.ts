import { describe, expect, it } from 'vitest';
import { ENTITY_CHECK_FILE, ENTITY_CHECK_LATER_FILE, readEntityCases, runEntityCheck } from '../../scripts/entity-check.js';

const accuracy = ({ truth, predicted }: { truth: string[]; predicted: string[] }): number =>
  truth.filter((t, i) => t === predicted[i]).length / truth.length;

/** The entity-level check (sentences written for hubwatch) through the real enricher. */
describe('entity-level sentiment check', () => {
  it('holds 200+ sentences in both languages, with contrasts', () => {
    const cases = readEntityCases(ENTITY_CHECK_FILE);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.lang === 'en').length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.lang === 'fr').length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => /\b(beats|unlike|while|despite)\b|malgré|contrairement/i.test(c.text)).length).toBeGreaterThanOrEqual(15);
  });

  it('stays at the measured accuracy (docs/benchmarks/enrich.md)', () => {
    expect(accuracy(runEntityCheck({}, readEntityCases(ENTITY_CHECK_FILE)))).toBeGreaterThanOrEqual(0.78);
    expect(accuracy(runEntityCheck({}, readEntityCases(ENTITY_CHECK_LATER_FILE)))).toBeGreaterThanOrEqual(0.6);
  });
});
