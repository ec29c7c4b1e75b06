import { describe, expect, it } from 'vitest';
import { EnglishRules } from './english-rules.js';
import { FrenchRules } from './french-rules.js';
import { SentimentAnalyzer } from './sentiment-analyzer.js';
import { normaliseValence, sentimentOf } from './valence.js';

const en = new EnglishRules();
const fr = new FrenchRules();
const score = (rules: EnglishRules | FrenchRules, text: string): number => normaliseValence(rules.valenceSum(text));

describe('English rules (VADER method)', () => {
  it('applies boosters, negation, contrast, capitals, punctuation and emoticons', () => {
    const good = score(en, 'The food is good.');
    expect(good).toBeGreaterThan(0.05);
    expect(score(en, 'The food is very good.')).toBeGreaterThan(good);
    expect(score(en, 'The food is slightly good.')).toBeLessThan(good);
    expect(score(en, 'The food is not good.')).toBeLessThan(-0.05);
    expect(score(en, 'The food is GOOD.')).toBeGreaterThan(good);
    expect(score(en, 'The food is good!!!')).toBeGreaterThan(good);
    expect(score(en, 'The food is good, but the service is horrible.')).toBeLessThan(-0.05);
    expect(score(en, 'Not bad, good')).toBeGreaterThan(0.05);
    expect(score(en, 'I love it :)')).toBeGreaterThan(score(en, 'I love it'));
    expect(score(en, 'Great job 😁')).toBeGreaterThan(score(en, 'Great job'));
    expect(score(en, 'The meeting is on Tuesday.')).toBe(0);
  });
});

describe('French rules', () => {
  it('handles negation, idioms, intensifiers, contrast and elisions', () => {
    const bon = score(fr, 'Le service est bon.');
    expect(bon).toBeGreaterThan(0.05);
    expect(score(fr, 'Le service est très bon.')).toBeGreaterThan(bon);
    expect(score(fr, "Le service n'est pas bon.")).toBeLessThan(-0.05);
    expect(score(fr, 'Le service ne sera jamais bon.')).toBeLessThan(-0.05);
    expect(score(fr, "Le service n'est plus bon.")).toBeLessThan(-0.05);
    expect(score(fr, 'Le service est pas terrible.')).toBeLessThan(-0.05);
    expect(score(fr, 'Pas mal du tout !')).toBeGreaterThan(0.05);
    expect(score(fr, "Le produit est génial mais la livraison est catastrophique.")).toBeLessThan(-0.05);
    expect(score(fr, "Quelle honte, l'horreur")).toBeLessThan(-0.5);
    expect(score(fr, 'La réunion a lieu mardi.')).toBe(0);
  });
});

describe('SentimentAnalyzer', () => {
  it('labels at +/-0.05 and leaves uncovered languages unscored', () => {
    expect(sentimentOf(0.05).label).toBe('positive');
    expect(sentimentOf(-0.0499).label).toBe('neutral');
    const analyzer = new SentimentAnalyzer();
    expect(analyzer.analyse('de', 'Sehr gut', '').document).toEqual({ score: 0, label: 'unscored' });
    expect(analyzer.analyse(null, 'Good', '').document.label).toBe('unscored');
    expect(analyzer.supports('fr')).toBe(true);
  });

  it('scores long texts as the mean of their sentences, never saturating on length alone', () => {
    const analyzer = new SentimentAnalyzer();
    const text = `${'The results were excellent and the team is proud. '.repeat(5)}${'The report was published on Monday. '.repeat(15)}`;
    const { document, sentences } = analyzer.analyse('en', 'Quarterly report', text);
    expect(sentences).toHaveLength(21);
    expect(document.label).toBe('positive');
    expect(document.score).toBeLessThan(0.5);
  });

  it('scores French with the trained model or the rules alone, both in -1..1', () => {
    const model = new SentimentAnalyzer();
    const rules = new SentimentAnalyzer({ frenchModel: false });
    for (const analyzer of [model, rules]) {
      expect(analyzer.analyse('fr', "Bravo, c'est une superbe réussite !", '').document.label).toBe('positive');
      expect(analyzer.analyse('fr', 'Un désastre, quelle honte.', '').document.label).toBe('negative');
    }
  });
});
