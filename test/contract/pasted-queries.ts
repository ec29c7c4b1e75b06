/**
 * Queries as comms teams write them in Google News, Meltwater, Talkwalker and Brandwatch (after
 * those tools' public documentation), with what hubwatch finds in the pasted corpus
 * (pasted-corpus.ts): mention names, or the refusal's message.
 */
export interface PastedCase {
  tool: 'Google News' | 'Meltwater' | 'Talkwalker' | 'Brandwatch';
  query: string;
  expected: string[] | RegExp;
}

const ACME = ['acme-rail-results', 'acme-career', 'acme-strike-fr', 'acme-strike-en', 'globex-strike', 'tweet-greve', 'tweet-hiring', 'tweet-complaint', 'blog-late', 'forum-career', 'cloud-outage', 'lemonde-globex', 'lemonde-interview', 'not-lemonde'];
const without = (list: string[], ...names: string[]): string[] => list.filter((n) => !names.includes(n));

export const PASTED_CASES: PastedCase[] = [
  // Google News: quotes, OR, -, site:, intitle:, when:, AROUND(n).
  { tool: 'Google News', query: 'acme -career', expected: without(ACME, 'acme-career', 'forum-career') },
  { tool: 'Google News', query: 'acme career', expected: ['acme-career', 'forum-career'] },
  { tool: 'Google News', query: '"acme rail" -strike', expected: ['acme-rail-results', 'acme-strike-fr', 'tweet-complaint', 'blog-late', 'lemonde-interview', 'not-lemonde'] },
  { tool: 'Google News', query: '(acme OR globex) -strike', expected: without([...ACME, 'podcast-strikes'], 'acme-strike-en', 'globex-strike', 'podcast-strikes') },
  { tool: 'Google News', query: 'site:lemonde.fr', expected: ['acme-strike-fr', 'lemonde-globex', 'lemonde-interview'] },
  { tool: 'Google News', query: 'site:lemonde.fr acme', expected: ['acme-strike-fr', 'lemonde-globex', 'lemonde-interview'] },
  { tool: 'Google News', query: 'site:lemonde.fr -globex', expected: ['acme-strike-fr', 'lemonde-interview'] },
  { tool: 'Google News', query: 'acme site:bbc.co.uk', expected: ['acme-strike-en'] },
  { tool: 'Google News', query: 'acme strike -site:lemonde.fr', expected: ['acme-strike-en', 'globex-strike'] },
  { tool: 'Google News', query: '+acme +rail -strike', expected: ['acme-rail-results', 'acme-strike-fr', 'tweet-hiring', 'tweet-complaint', 'blog-late', 'lemonde-interview', 'not-lemonde'] },
  { tool: 'Google News', query: '"acme cloud" OR "acme rail"', expected: ['acme-rail-results', 'acme-strike-fr', 'acme-strike-en', 'tweet-complaint', 'blog-late', 'cloud-outage', 'lemonde-interview', 'not-lemonde'] },
  { tool: 'Google News', query: '-acme', expected: ['podcast-strikes'] },
  { tool: 'Google News', query: 'site:https://www.reuters.com/business', expected: ['acme-rail-results'] },
  { tool: 'Google News', query: 'intitle:acme', expected: /^field 'intitle:' at 1 is not a hubwatch field: write title:word$/ },
  { tool: 'Google News', query: 'allintitle:acme rail', expected: /^field 'allintitle:' at 1 .*title:\(word1 word2\)/ },
  { tool: 'Google News', query: '"acme rail" when:7d', expected: /^field 'when:' at 13 .*search window/ },
  { tool: 'Google News', query: 'acme before:2026-04-01', expected: /^field 'before:' at 6 .*search window/ },
  { tool: 'Google News', query: 'acme AROUND(3) strike', expected: /^AROUND at 6: write NEAR\/n$/ },
  { tool: 'Google News', query: 'acme inurl:careers', expected: /^field 'inurl:' at 6 .*site:domain/ },
  // Meltwater: AND, OR, NOT, quotes, *, ?, NEAR/n, title:, fields.
  { tool: 'Meltwater', query: 'Acme NEAR/5 (strike OR grève)', expected: ['acme-strike-fr', 'acme-strike-en', 'tweet-greve', 'lemonde-interview'] },
  { tool: 'Meltwater', query: '(acme OR globex) NEAR/3 (strike OR walkout)', expected: ['acme-strike-en', 'globex-strike', 'podcast-strikes'] },
  { tool: 'Meltwater', query: '(acme OR globex) NEAR/1 strike', expected: ['acme-strike-en', 'podcast-strikes'] },
  { tool: 'Meltwater', query: 'acme NEAR/2 career', expected: ['acme-career', 'forum-career'] },
  { tool: 'Meltwater', query: 'acme AND (strike OR grève) NOT globex', expected: ['acme-strike-fr', 'acme-strike-en', 'tweet-greve', 'lemonde-interview'] },
  { tool: 'Meltwater', query: '"acme rail" AND NOT (strike OR grève)', expected: ['acme-rail-results', 'tweet-complaint', 'blog-late', 'not-lemonde'] },
  { tool: 'Meltwater', query: 'recrut* OR hiring', expected: ['tweet-hiring'] },
  { tool: 'Meltwater', query: 'acme AND outage*', expected: ['cloud-outage'] },
  { tool: 'Meltwater', query: 'commut*', expected: ['blog-late', 'podcast-strikes'] },
  { tool: 'Meltwater', query: 'title:acme NOT title:globex', expected: without(ACME, 'globex-strike', 'tweet-greve', 'tweet-hiring', 'tweet-complaint', 'forum-career', 'lemonde-globex') },
  { tool: 'Meltwater', query: 'title:(strike OR grève OR walkout)', expected: ['acme-strike-fr', 'globex-strike'] },
  { tool: 'Meltwater', query: '"rail strike" OR "grève des salariés"', expected: ['acme-strike-fr', 'podcast-strikes'] },
  { tool: 'Meltwater', query: 'lang:fr acme', expected: ['acme-strike-fr', 'tweet-greve', 'lemonde-globex', 'lemonde-interview', 'not-lemonde'] },
  { tool: 'Meltwater', query: 'channel:social acme', expected: ['tweet-greve', 'tweet-hiring', 'tweet-complaint'] },
  { tool: 'Meltwater', query: '(rail OR train*) NEAR/3 (late OR halted)', expected: ['acme-strike-en', 'blog-late'] },
  { tool: 'Meltwater', query: '"acme" NEAR/10 "freight traffic"', expected: ['acme-rail-results'] },
  { tool: 'Meltwater', query: 'acme NEAR/3 fret', expected: [] },
  { tool: 'Meltwater', query: 'wom?n AND acme', expected: /^single-letter wildcard '\?' at 4 is not supported/ },
  { tool: 'Meltwater', query: 'headline:acme', expected: /^field 'headline:' at 1 .*title:word/ },
  { tool: 'Meltwater', query: 'acme near/5 strike', expected: /^'near\/5' at 6: operators are upper case, write NEAR\/5$/ },
  { tool: 'Meltwater', query: 'acme NEAR/5 strike NEAR/5 rail', expected: /^NEAR at 20: chain NEAR with AND/ },
  // Talkwalker: AND, OR, NOT, -, +, "..."~n, NEAR/n, ONEAR/n, title:, domain:, author:, lang:, #, @.
  { tool: 'Talkwalker', query: 'acme -career -careers', expected: without(ACME, 'acme-career', 'forum-career', 'tweet-hiring') },
  { tool: 'Talkwalker', query: '"acme rail"~3', expected: /^proximity "acme rail"~3 at 1 is written with NEAR here: acme NEAR\/3 rail/ },
  { tool: 'Talkwalker', query: 'domain:lemonde.fr', expected: ['acme-strike-fr', 'lemonde-globex', 'lemonde-interview'] },
  { tool: 'Talkwalker', query: 'domain:www.lemonde.fr', expected: ['acme-strike-fr', 'lemonde-globex'] },
  { tool: 'Talkwalker', query: '#grève', expected: ['tweet-greve'] },
  { tool: 'Talkwalker', query: '#acme', expected: ['tweet-greve'] },
  { tool: 'Talkwalker', query: '#acme*', expected: ['tweet-greve', 'tweet-hiring'] },
  { tool: 'Talkwalker', query: '@acme', expected: ['tweet-greve', 'tweet-hiring'] },
  { tool: 'Talkwalker', query: '@acme_rail', expected: ['tweet-complaint'] },
  { tool: 'Talkwalker', query: '#fail OR #grève', expected: ['tweet-greve', 'tweet-complaint'] },
  { tool: 'Talkwalker', query: 'acme ONEAR/3 rail', expected: /^ONEAR\/3 at 6: ordered NEAR is not supported; NEAR\/n matches either order/ },
  { tool: 'Talkwalker', query: 'title:acme lang:en -globex', expected: ['acme-rail-results', 'acme-career', 'acme-strike-en', 'blog-late'] },
  { tool: 'Talkwalker', query: 'acme AND (strike OR walkout) lang:en', expected: ['acme-strike-en', 'globex-strike'] },
  { tool: 'Talkwalker', query: '+acme +career', expected: ['acme-career', 'forum-career'] },
  { tool: 'Talkwalker', query: 'author:"@railfan"', expected: ['tweet-greve'] },
  { tool: 'Talkwalker', query: 'acme -(strike OR grève OR walkout)', expected: without(ACME, 'acme-strike-fr', 'acme-strike-en', 'globex-strike', 'tweet-greve', 'lemonde-interview') },
  { tool: 'Talkwalker', query: 'rail* NOT acme', expected: ['podcast-strikes'] },
  { tool: 'Talkwalker', query: 'sourcetype:blog', expected: /^field 'sourcetype:' at 1 .*channel:news/ },
  { tool: 'Talkwalker', query: 'acme~', expected: /^fuzzy match 'acme~' at 5 is not supported/ },
  // Brandwatch: AND, OR, NOT, quotes, ~, NEAR/n, NEAR/nf, {case}, #, @, site:, title:, author:, language:, links:, <<<comments>>>.
  { tool: 'Brandwatch', query: '{Acme}', expected: /^case-sensitive match \{Acme\} at 1 is not supported/ },
  { tool: 'Brandwatch', query: '"acme career"~2', expected: /^proximity "acme career"~2 at 1 is written with NEAR here: acme NEAR\/2 career/ },
  { tool: 'Brandwatch', query: 'acme NEAR/3f strike', expected: /^NEAR\/3f at 6: ordered NEAR is not supported/ },
  { tool: 'Brandwatch', query: 'site:reuters.com OR site:bbc.co.uk', expected: ['acme-rail-results', 'acme-strike-en'] },
  { tool: 'Brandwatch', query: '(acme OR globex) NEAR/5 (strike OR grève) NOT site:lemonde.fr', expected: ['acme-strike-en', 'globex-strike', 'tweet-greve', 'podcast-strikes'] },
  { tool: 'Brandwatch', query: 'title:"acme rail" OR title:"acme cloud"', expected: ['acme-rail-results', 'blog-late', 'cloud-outage', 'lemonde-interview'] },
  { tool: 'Brandwatch', query: '@acme OR #acme', expected: ['tweet-greve', 'tweet-hiring'] },
  { tool: 'Brandwatch', query: 'acme AND NOT (globex OR site:x.com)', expected: without(ACME, 'globex-strike', 'forum-career', 'cloud-outage', 'lemonde-globex', 'tweet-greve', 'tweet-hiring') },
  { tool: 'Brandwatch', query: 'grève OR greve OR strike*', expected: ['acme-strike-fr', 'acme-strike-en', 'globex-strike', 'tweet-greve', 'podcast-strikes', 'lemonde-interview'] },
  { tool: 'Brandwatch', query: 'author:"@acme" OR @acme_rail', expected: ['tweet-hiring', 'tweet-complaint'] },
  { tool: 'Brandwatch', query: 'language:en acme', expected: /^field 'language:' at 1 .*lang:xx/ },
  { tool: 'Brandwatch', query: 'links:acme.com', expected: /^field 'links:' at 1 .*site:domain/ },
  { tool: 'Brandwatch', query: 'country:fr acme', expected: /^field 'country:' at 1 / },
  { tool: 'Brandwatch', query: 'acme <<<brand query>>>', expected: /^comment at 6: <<<…>>> comments are not supported/ },
  { tool: 'Brandwatch', query: 'raw:Acme', expected: /^field 'raw:' at 1 / },
];
