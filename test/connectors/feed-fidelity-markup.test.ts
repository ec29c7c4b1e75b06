import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './support/loopback-server.js';
import { readStored } from './support/read-stored.js';

const FIXTURES = new URL('../../src/connectors/rss/fixtures/', import.meta.url);
const TYPES: Record<string, string> = { xml: 'application/rss+xml', json: 'application/feed+json' };

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    // Served with no charset in Content-Type, as many servers do.
    res.writeHead(200, { 'content-type': name.endsWith('.json') ? TYPES['json']! : TYPES['xml']! });
    res.end(readFileSync(new URL(name, FIXTURES)));
  });
});
afterAll(async () => server.close());

describe('markup and double-escaped entities end as the plain text a reader shows', () => {
  it('RSS 2.0 (WordPress-shaped): entities escaped twice, a <span> in CDATA, literal AT&T and x < y', async () => {
    const { stored, problems } = await readStored(server, '/fidelity-markup-rss.xml');
    expect(stored).toEqual([
      { title: 'L’action Acme cède 3 % : le baril à 82€', author: 'Françoise L’Héritier', text: 'Le titre a cédé 3 % après l’annonce.' },
      { title: "Prix de l'électricité : 0,25 € le kWh", author: 'Rédaction', text: 'Le tarif réglementé augmente.' },
      { title: 'AT&T and Verizon: why x < y matters for R&D', author: 'Jane Doe', text: 'AT&T said margins < 5% were "temporary".' },
    ]);
    expect(problems).toEqual([]);
  });

  it('Atom: type="html" escaped once more, type="text" carrying entities and markup, literal text left alone', async () => {
    const { stored } = await readStored(server, '/fidelity-markup-atom.xml');
    expect(stored).toEqual([
      { title: 'Acme’s rebrand costs 2 M€ (report)', author: 'Chloé Martin', text: 'The agency’s fee: 2 M€.' },
      { title: 'L’indice Globex : € contre $', author: 'Service éco', text: 'Selon l’indice, 1 € vaut 1,08 $.' },
      { title: 'Q&A: AT&T, x < y and the <blink> tag', author: null, text: 'AT&T: margins < 5%.' },
    ]);
  });

  it('JSON Feed: HTML entities and markup in plain-text title and author, literal text left alone', async () => {
    const { stored } = await readStored(server, '/fidelity-markup-jsonfeed.json');
    expect(stored).toEqual([
      { title: 'L’essence à 1,92€ : record', author: 'François Dupont', text: 'C’est le prix moyen relevé.' },
      { title: 'AT&T vs. R&D budgets: x < y', author: 'P&G Desk', text: 'AT&T said costs < 5% & falling.' },
    ]);
  });
});
