import { seededRandom } from '../../src/samples/seeded.js';

/**
 * Deterministic RSS 2.0 feeds for the pipeline benchmark: items of about 8 KB of article HTML in
 * English and French, naming watched brands and people, with tracking parameters on links.
 */
const EN = [
  'Acme reported strong quarterly results, beating analyst expectations on rail revenue.',
  'Passengers complained about repeated delays on the Acme Rail network this week.',
  'Claire Dubois, chief executive of Acme, said the company would invest in new trains.',
  'Globex announced a rival offer, but investors remained cautious about its debt.',
  'The strike disrupted services across the region and angered commuters.',
  'Analysts praised the excellent punctuality figures published on Monday.',
  'A spokesperson declined to comment on the safety report.',
  'The new ticketing app was described as confusing and slow by early users.',
];
const FR = [
  "Acme a publié des résultats solides, au-dessus des attentes des analystes.",
  "Les voyageurs dénoncent des retards à répétition sur le réseau d'Acme Rail.",
  "Claire Dubois, directrice générale d'Acme, annonce de nouveaux investissements.",
  "La grève a fortement perturbé le trafic et exaspéré les usagers.",
  "Le service client n'est vraiment pas terrible selon plusieurs associations.",
  "Les experts saluent une excellente ponctualité au troisième trimestre.",
  "Globex prépare une offre concurrente, mais les investisseurs restent prudents.",
  "Un porte-parole n'a pas souhaité commenter le rapport de sécurité.",
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An RSS 2.0 document of `items` items (~8 KB each) for feed number `feed`. */
export function generatedFeed(feed: number, items: number, now: Date): string {
  const random = seededRandom(feed + 1);
  const parts: string[] = [];
  for (let i = 0; i < items; i++) {
    const french = random() < 0.3;
    const bank = french ? FR : EN;
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 7_500) {
      const sentences = Array.from({ length: 4 }, () => bank[Math.floor(random() * bank.length)]!);
      const p = `<p>${sentences.join(' ')} <a href="https://example.org/x?utm_source=rss">lien</a> &amp; <strong>${feed}-${i}</strong></p>`;
      paragraphs.push(p);
      size += p.length;
    }
    const date = new Date(now.getTime() - (feed * items + i) * 60_000).toUTCString();
    parts.push(
      `<item><title>${escapeXml(bank[i % bank.length]!.slice(0, 70))} ${feed}-${i}</title>` +
        `<link>https://news${feed}.example.com/article/${i}?utm_source=rss&amp;utm_medium=feed</link>` +
        `<guid isPermaLink="false">feed-${feed}-item-${i}</guid><pubDate>${date}</pubDate>` +
        `<dc:creator><![CDATA[Reporter ${i % 17}]]></dc:creator>` +
        `<description>${escapeXml(paragraphs[0]!)}</description>` +
        `<content:encoded><![CDATA[${paragraphs.join('\n')}]]></content:encoded></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${feed}</title>` +
    `<link>https://news${feed}.example.com/</link><description>bench</description>${parts.join('')}</channel></rss>`
  );
}
