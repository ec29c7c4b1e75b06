import { describe, expect, it } from 'vitest';
import { EnglishRules } from './english-rules.js';
import { SentimentAnalyzer } from './sentiment-analyzer.js';
import { EmojiDescriptions, isUpper, pythonRound, vaderTokens } from './vader-text.js';

const en = new EnglishRules();

/**
 * Cross-check against the reference VADER 3.3.2 (vaderSentiment.py): sentences written for this
 * test, one or two rules each; expected compounds follow the reference's logic with this project's
 * lexicon (g = good 1.9, normalise x/√(x²+15)). Derivations of some by hand:
 *   good                      1.9                         → 0.4404
 *   very good                 1.9 + 0.293                 → 0.4927
 *   not good                  1.9 × -0.74                 → -0.3412
 *   GOOD (others lower)       1.9 + 0.733                 → 0.5622
 *   good!!!                   1.9 + 3 × 0.292             → 0.5826
 *   good??                    1.9 + 2 × 0.18              → 0.5040
 *   good, but horrible        1.9 × 0.5 + -2.5 × 1.5      → -0.5859
 *   never been this good      1.9 × 1.25 ("this" one back) → 0.5228
 *   kind of good              1.9 - 0.293 ("kind of")     → 0.3832
 *   Good but good             0.95 + 2.85                 → 0.7003
 *   nice but okay             nice 1.8 → 0.9; okay 0.9 is then found at nice's place by the
 *                             reference's list.index and halves it again: 0.45 + 0.9 → 0.3291
 * The others were computed by running the reference's code on the same lexicon files.
 */
const CASES: [string, number][] = [
  ['The service was good.', 0.4404],
  ['The service was very good.', 0.4927],
  ['The service was very, very good.', 0.5379],
  ['The service was slightly good.', 0.3832],
  ['The service was not good.', -0.3412],
  ["The service wasn't very good.", -0.3865],
  ['The service was GOOD.', 0.5622],
  ['The service was VERY good.', 0.6028],
  ['I LOVE IT', 0.6369],
  ['The service was good!!!', 0.5826],
  ['The service was good!!!!!!', 0.6209],
  ['Is the service good??', 0.504],
  ['Is the service good????', 0.594],
  ['The food was good, but the service was horrible.', -0.5859],
  ['The food was not bad at all.', 0.431],
  ['Sentiment analysis has never been this good.', 0.5228],
  ['It has never been so good.', 0.5777],
  ['It was kind of good.', 0.3832],
  ['It is sort of nice.', 0.3626],
  ['It is just enough good.', 0.3832],
  ['The update is barely acceptable.', 0.2516],
  ['This is the least helpful answer.', -0.3252],
  ['It is at least helpful.', 0.4215],
  ['Least helpful answer.', -0.3252],
  ['No problems at all.', 0.3089],
  ['No way.', -0.296],
  ['There are no good or bad options.', 0.1139],
  ['They said the show is the bomb.', 0.6124],
  ['That plan was the kiss of death.', -0.6124],
  ['They told me yeah right.', -0.4588],
  ['Without a doubt, excellent idea.', 0.7013],
  ['I love it :)', 0.802],
  ['The demo was ok!', 0],
  ['Great job 😁', 0.7964],
  ['Great job😁', 0.7964],
  ['Thanks 💔', 0.6124],
  ['Good but good.', 0.7003],
  ['The room was nice but okay.', 0.3291],
  ['The room was nice and okay.', 0.5719],
  ['The results were GREAT, but the launch was a mess', -0.0858],
  ['The meeting is on Tuesday.', 0],
];

describe('EnglishRules: the reference VADER 3.3.2 compound', () => {
  it.each(CASES)('%s → %d', (sentence, compound) => {
    expect(en.polarityScores(sentence).compound).toBe(compound);
  });

  it('gives the same compound through the analyser, as a post', () => {
    const analyzer = new SentimentAnalyzer();
    for (const [sentence, compound] of CASES.slice(0, 10)) {
      expect(analyzer.analyse('en', '', sentence).document.score).toBeCloseTo(compound, 4);
    }
  });

  it('gives the reference neg/neu/pos proportions, rounded as Python rounds', () => {
    expect(en.polarityScores('The service was good.')).toEqual({ neg: 0, neu: 0.508, pos: 0.492, compound: 0.4404 });
    expect(en.polarityScores('The food was good, but the service was horrible.')).toEqual({
      neg: 0.347,
      neu: 0.511,
      pos: 0.142,
      compound: -0.5859,
    });
    // "No way.": neg -1.2-1 = -2.2, one neutral: 2.2/3.2 = 0.6875 and 1/3.2 = 0.3125, ties to even.
    expect(en.polarityScores('No way.')).toEqual({ neg: 0.688, neu: 0.312, pos: 0, compound: -0.296 });
    expect(en.polarityScores('')).toEqual({ neg: 0, neu: 0, pos: 0, compound: 0 });
  });
});

describe('VADER tokens and helpers', () => {
  it('splits on white space and strips edge punctuation unless 2 characters or fewer remain', () => {
    expect(vaderTokens("Wow!! I'm (really) happy :) ok! a.")).toEqual(['Wow', "I'm", 'really', 'happy', ':)', 'ok!', 'a.']);
    expect(vaderTokens('tab\tand\u00a0nbsp\u3000ideographic')).toEqual(['tab', 'and', 'nbsp', 'ideographic']);
    // Python's len counts code points: "x🙂!" strips to 2 code points, so the token stays whole.
    expect(vaderTokens('x🙂! 🙂🙂🙂!')).toEqual(['x🙂!', '🙂🙂🙂']);
  });

  it('reads ALL CAPS as Python str.isupper does', () => {
    expect(isUpper('GOOD')).toBe(true);
    expect(isUpper('I')).toBe(true);
    expect(isUpper('3PM!')).toBe(true);
    expect(isUpper('Good')).toBe(false);
    expect(isUpper(':)')).toBe(false);
  });

  it('rounds as Python round does', () => {
    expect(pythonRound(0.3125, 3)).toBe(0.312);
    expect(pythonRound(0.6875, 3)).toBe(0.688);
    expect(pythonRound(0.0005, 3)).toBe(0.001);
    expect(pythonRound(-0.44043, 4)).toBe(-0.4404);
  });

  it('replaces one-code-point emoji by their description, with a space before when needed', () => {
    const emoji = EmojiDescriptions.load();
    expect(emoji.substitute('Great job😁!')).toBe('Great job beaming face with smiling eyes!');
    expect(emoji.substitute('😁😁')).toBe('beaming face with smiling eyes beaming face with smiling eyes');
    // Emoji with a variation selector keep it glued to the description, as in the reference.
    expect(emoji.substitute('❤️')).toBe('red heart\ufe0f');
    expect(emoji.substitute('no emoji here, café’s')).toBe('no emoji here, café’s');
    expect(emoji.substitute('café ©2026 😁')).toBe('café copyright2026 beaming face with smiling eyes');
  });
});
