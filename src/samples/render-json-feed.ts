import { rfc3339, summarise } from './feed-text.js';
import type { SampleOutlet } from './sample-outlets.js';
import type { SampleItem } from './sample-types.js';

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) with per-item language. */
export function renderJsonFeed(outlet: SampleOutlet, items: SampleItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: outlet.name,
    home_page_url: `https://${outlet.host}/`,
    description: 'La lettre hebdomadaire des mobilités : rail, vélo, bus et politiques de transport.',
    language: outlet.lang,
    authors: [{ name: 'La rédaction de La Lettre Mobilité' }],
    items: items.map((item) => {
      const html = item.paragraphs.join('\n');
      return {
        id: item.guid,
        url: item.url,
        title: item.title,
        content_html: html,
        summary: summarise(html),
        ...(item.published ? { date_published: rfc3339(item.published, item.key, item.lang) } : {}),
        authors: [{ name: item.author ?? 'La rédaction' }],
        language: item.lang,
        tags: [item.lang === 'fr' ? 'mobilité' : 'mobility'],
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
