import { describe, expect, it } from 'vitest';
import { HubwatchError } from '../../core/errors.js';
import { fitLearnedLayer, layerProbabilities, layerScore, parseLayerFile, type LayerInput } from './learned-layer.js';

/** A small problem with a known answer: the class follows one dense feature and one word. */
function problem(): { inputs: LayerInput[]; labels: number[] } {
  const inputs: LayerInput[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 120; i += 1) {
    const label = i % 3;
    inputs.push({ dense: [label - 1 + ((i * 7) % 5) * 0.05, (i * 13) % 7], present: label === 2 ? [0] : label === 0 ? [1] : [] });
    labels.push(label);
  }
  return { inputs, labels };
}

describe('learned layer', () => {
  it('fits a separable problem, deterministically', () => {
    const { inputs, labels } = problem();
    const options = { classes: 3 as const, lambdaDense: 0.001, lambdaWords: 0.001, epochs: 300 };
    const layer = fitLearnedLayer(inputs, labels, ['good', 'bad'], options);
    const right = inputs.filter((x, i) => {
      const p = layerProbabilities(layer, x);
      return p.indexOf(Math.max(...p)) === labels[i];
    }).length;
    expect(right / inputs.length).toBeGreaterThan(0.95);
    expect(fitLearnedLayer(inputs, labels, ['good', 'bad'], options)).toEqual(layer);
  });

  it('gives a score whose +/-0.05 label is the most probable class', () => {
    expect(layerScore([0.2, 0.5, 0.3])).toBeGreaterThan(-0.05);
    expect(layerScore([0.2, 0.5, 0.3])).toBeLessThan(0.05);
    expect(layerScore([0.4, 0.25, 0.35])).toBeLessThanOrEqual(-0.05);
    expect(layerScore([0.1, 0.2, 0.7])).toBeCloseTo(0.6);
    expect(layerScore([0.3, 0.7])).toBeCloseTo(0.4);
  });

  it('refuses a model file of the wrong shape, naming the file and the layer', () => {
    const good = { mean: [0], std: [1], vocabulary: ['a'], dense: [[0, 1], [0, -1]], words: [[1], [-1]] };
    expect(parseLayerFile('m.json', JSON.stringify({ fittedOn: 'x', tone: good }), ['tone'], 2).fittedOn).toBe('x');
    expect(() => parseLayerFile('m.json', '{"tone":', ['tone'], 2)).toThrow(/m\.json: not JSON/);
    expect(() => parseLayerFile('m.json', JSON.stringify({ tone: { ...good, words: [[1]] } }), ['tone'], 2)).toThrow(HubwatchError);
    expect(() => parseLayerFile('m.json', JSON.stringify({ other: good }), ['tone'], 2)).toThrow(/m\.json: "tone" is not a 2-class/);
    expect(() => parseLayerFile('m.json', JSON.stringify({ tone: good }), ['tone'], 3)).toThrow(/3-class/);
  });
});
