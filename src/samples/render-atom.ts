import { escapeXml, rfc3339, summarise } from './feed-text.js';
import type { SampleOutlet } from './sample-outlets.js';
import type { SampleItem } from './sample-types.js';

function renderEntry(item: SampleItem, built: Date): string {
  const html = item.paragraphs.join('\n');
  const when = item.published ?? built;
  return [
    '  <entry>',
    `    <title type="text">${escapeXml(item.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
    `    <id>tag:${new URL(item.url).host},2026:${escapeXml(item.key)}</id>`,
    `    <published>${rfc3339(when, item.key, item.lang)}</published>`,
    `    <updated>${rfc3339(when, item.key, item.lang)}</updated>`,
    `    <author><name>${escapeXml(item.author ?? 'Commuter Notes')}</name></author>`,
    `    <summary type="text">${escapeXml(summarise(html))}</summary>`,
    `    <content type="html">${escapeXml(html)}</content>`,
    '  </entry>',
  ].join('\n');
}

/** An Atom 1.0 feed (RFC 4287) with HTML content escaped as `type="html"`. */
export function renderAtom(outlet: SampleOutlet, items: SampleItem[], built: Date): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${outlet.lang}">`,
    `  <title>${escapeXml(outlet.name)}</title>`,
    '  <subtitle>One commuter’s notes on trains, buses and the people who run them</subtitle>',
    `  <link rel="alternate" type="text/html" href="https://${outlet.host}/"/>`,
    `  <id>tag:${outlet.host},2026:feed</id>`,
    `  <updated>${built.toISOString()}</updated>`,
    ...items.map((item) => renderEntry(item, built)),
    '</feed>',
    '',
  ].join('\n');
}
