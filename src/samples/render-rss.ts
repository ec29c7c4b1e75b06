import { cdata, escapeXml, rfc822, summarise } from './feed-text.js';
import type { SampleOutlet } from './sample-outlets.js';
import type { SampleItem } from './sample-types.js';

function description(outlet: SampleOutlet, html: string): string {
  if (outlet.format === 'rss-content') return escapeXml(summarise(html));
  return outlet.cdata ? cdata(html) : escapeXml(html);
}

function renderItem(outlet: SampleOutlet, item: SampleItem): string {
  const html = item.paragraphs.join('\n');
  const lines = [
    '    <item>',
    `      <title>${escapeXml(item.title)}</title>`,
    `      <link>${escapeXml(item.url)}</link>`,
    `      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
  ];
  if (item.published) lines.push(`      <pubDate>${rfc822(item.published, item.key, item.lang)}</pubDate>`);
  if (outlet.format === 'rss-content' && item.author) lines.push(`      <dc:creator>${escapeXml(item.author)}</dc:creator>`);
  lines.push(`      <description>${description(outlet, html)}</description>`);
  if (outlet.format === 'rss-content') lines.push(`      <content:encoded>${cdata(html)}</content:encoded>`);
  lines.push('    </item>');
  return lines.join('\n');
}

/** An RSS 2.0 feed; `rss-content` outlets add content:encoded (full HTML) and dc:creator. */
export function renderRss(outlet: SampleOutlet, items: SampleItem[], built: Date): string {
  const language = outlet.lang === 'fr' ? 'fr-FR' : 'en-US';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(outlet.name)}</title>`,
    `    <link>https://${outlet.host}/</link>`,
    `    <description>${escapeXml(outlet.name)} — ${outlet.lang === 'fr' ? 'toute l’actualité' : 'latest news'}</description>`,
    `    <language>${language}</language>`,
    `    <lastBuildDate>${built.toUTCString()}</lastBuildDate>`,
    '    <ttl>15</ttl>',
    ...items.map((item) => renderItem(outlet, item)),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
