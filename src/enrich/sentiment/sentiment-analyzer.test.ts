import { describe, expect, it } from 'vitest';
import { FrenchRules } from './french-rules.js';
import { SentimentAnalyzer } from './sentiment-analyzer.js';
import { normaliseValence } from './valence.js';

const REVIEW =
  "Le Groupe Acme a présenté jeudi son nouveau service de trains de nuit entre Paris et Nice. Les premiers voyageurs racontent une expérience agréable : des cabines propres, un personnel attentionné et des horaires respectés. Certains regrettent le prix du billet, jugé élevé, et une connexion wifi capricieuse. Mais la plupart disent qu'ils reprendront ce train cet été et le recommandent à leurs proches.";

describe('SentimentAnalyzer with the French layer', () => {
  const withLayer = new SentimentAnalyzer();
  const rulesOnly = new SentimentAnalyzer({ frenchModel: false });
  const rules = new FrenchRules();

  it('scores a long French body as a whole by the layer, keeping rule scores per sentence', () => {
    expect(REVIEW.length).toBeGreaterThan(400);
    const a = withLayer.analyse('fr', '', REVIEW);
    const b = rulesOnly.analyse('fr', '', REVIEW);
    expect(a.document.label).toBe('positive');
    expect(a.document.score).not.toBe(b.document.score);
    // Rules only: the mean of the sentences' rule scores.
    const mean = b.sentences.reduce((sum, s) => sum + s.score, 0) / b.sentences.length;
    expect(b.document.score).toBeCloseTo(mean, 3);
    // Entity-level sentiment reads the same rule score per sentence either way.
    expect(a.sentences.map((s) => [s.start, s.end])).toEqual(b.sentences.map((s) => [s.start, s.end]));
    a.sentences.forEach((s, i) => {
      expect(s.score).toBeCloseTo(b.sentences[i]!.score, 10);
      expect(s.score).toBeCloseTo(normaliseValence(rules.valenceSum(REVIEW.slice(s.start, s.end))), 10);
    });
  });

  it('leaves English to the VADER rules unless the English layer is asked for', () => {
    const post = 'The new timetable is out, see the link';
    expect(withLayer.analyse('en', '', post).document).toEqual(rulesOnly.analyse('en', '', post).document);
  });
});
