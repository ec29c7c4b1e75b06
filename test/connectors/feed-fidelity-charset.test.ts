import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { readStored } from './support/read-stored.js';

/** A French news feed shaped like a small regional site's WordPress export. */
function frenchFeed(prolog: string | null): string {
  return `${prolog === null ? '' : `<?xml version="1.0" encoding="${prolog}"?>\n`}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>La Dépêche du Marché</title>
  <link>https://depeche-marche.example/</link>
  <item>
    <title>Le fioul à 1,20 € : l’hiver s’annonce coûteux</title>
    <link>https://depeche-marche.example/fioul</link>
    <dc:creator>Hélène Grâce</dc:creator>
    <description>Hausse de 8 % en un mois — « du jamais vu ».</description>
  </item>
  <item>
    <title>Œuvres d’art : enchères record à Drouot</title>
    <link>https://depeche-marche.example/drouot</link>
    <description>Un Gauguin adjugé 12 M€.</description>
  </item>
</channel>
</rss>`;
}

const STORED = [
  { title: 'Le fioul à 1,20 € : l’hiver s’annonce coûteux', author: 'Hélène Grâce', text: 'Hausse de 8 % en un mois — « du jamais vu ».' },
  { title: 'Œuvres d’art : enchères record à Drouot', author: null, text: 'Un Gauguin adjugé 12 M€.' },
];

/** The title a windows-1252 source pasted into a UTF-8 feed (Œ, ’, è, à: four stray bytes). */
const PASTED = '<title>Œuvres d’art : enchères record à Drouot</title>';

/** Genuine Latin-1: only characters ISO-8859-1 has (no €, no curly quotes, no Œ). */
const LATIN1_TEXT = 'Société Générale : à Noël, l\'été où «tout» a changé ; ç';

const bodies: Record<string, { bytes: Buffer; contentType: string }> = {
  // A UTF-8 prolog over bytes a windows-1252 editor wrote (no charset in Content-Type).
  'cp1252-under-utf8-prolog': { bytes: iconv.encode(frenchFeed('UTF-8'), 'windows-1252'), contentType: 'application/rss+xml' },
  // The same, with the server's header claiming UTF-8 too.
  'cp1252-under-utf8-header': { bytes: iconv.encode(frenchFeed(null), 'windows-1252'), contentType: 'text/xml; charset=utf-8' },
  // A UTF-8 feed with one item pasted from a windows-1252 source: the stray bytes alone are read as windows-1252.
  'utf8-with-stray-cp1252': {
    bytes: Buffer.concat([
      Buffer.from(frenchFeed('utf-8').split(PASTED)[0]!, 'utf8'),
      iconv.encode(PASTED, 'windows-1252'),
      Buffer.from(frenchFeed('utf-8').split(PASTED)[1]!, 'utf8'),
    ]),
    contentType: 'application/rss+xml',
  },
  // UTF-8 bytes under an ISO-8859-1 prolog (a CMS template never updated).
  'utf8-under-latin1-prolog': { bytes: Buffer.from(frenchFeed('ISO-8859-1'), 'utf8'), contentType: 'application/xml' },
  // UTF-8 bytes under a windows-1252 header (a server default charset).
  'utf8-under-cp1252-header': { bytes: Buffer.from(frenchFeed(null), 'utf8'), contentType: 'application/rss+xml; charset=windows-1252' },
  // A genuine Latin-1 feed that says so must stay Latin-1.
  'genuine-latin1': {
    bytes: iconv.encode(
      `<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Le Journal</title>
  <item><title>${LATIN1_TEXT}</title><link>https://journal.example/1</link><author>redaction@journal.example (Rédaction)</author><description>Déjà vu : 25 °C à Besançon.</description></item>
</channel></rss>`,
      'latin1',
    ),
    contentType: 'application/rss+xml',
  },
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const body = bodies[(req.url ?? '/').slice(1)];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': body.contentType });
    res.end(body.bytes);
  });
});
afterAll(async () => server.close());

describe('declared charsets that contradict the bytes: decoded as what the bytes are, and said', () => {
  it.each([
    ['cp1252-under-utf8-prolog', /^the document's encoding declaration says UTF-8 but the bytes are not UTF-8 and were read as windows-1252$/],
    ['cp1252-under-utf8-header', /^the Content-Type header says UTF-8 but the bytes are not UTF-8 and were read as windows-1252$/],
    ['utf8-with-stray-cp1252', /^the document's encoding declaration says UTF-8 but 4 bytes are not UTF-8 and were read as windows-1252$/],
    ['utf8-under-latin1-prolog', /^the document's encoding declaration says windows-1252 but the bytes are well-formed UTF-8 and were read as UTF-8$/],
    ['utf8-under-cp1252-header', /^the Content-Type header says windows-1252 but the bytes are well-formed UTF-8 and were read as UTF-8$/],
  ])('%s', async (name, message) => {
    const { stored, problems } = await readStored(server, `/${name}`);
    expect(stored).toEqual(STORED);
    expect(problems).toEqual([{ reason: 'charset-corrected', message: expect.stringMatching(message), outcome: 'repaired' }]);
  });

  it('a genuine Latin-1 feed that says so still decodes as Latin-1, with nothing corrected', async () => {
    const { stored, problems } = await readStored(server, '/genuine-latin1');
    expect(stored).toEqual([{ title: LATIN1_TEXT, author: 'Rédaction', text: 'Déjà vu : 25 °C à Besançon.' }]);
    expect(problems).toEqual([]);
  });
});
