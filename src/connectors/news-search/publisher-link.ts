/**
 * News engines link their results through themselves: Bing News through `apiclick.aspx?url=<the
 * article>`, Google News through `/rss/articles/<id>`, whose older ids are the article's URL in a
 * small protobuf (`08 13 22 <length> <url> ...`, base64url: ids starting `CBMi`). Reading the
 * publisher's URL out of them gives a result the article's own identity, so that the article seen
 * in its outlet's feed and in a news search is one mention. Newer Google ids (`CBMi` then `AU_yq`)
 * hold no URL: those links stay as they are.
 */
export function publisherLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const host = url.hostname.toLowerCase();
  if ((host === 'bing.com' || host.endsWith('.bing.com')) && url.pathname.toLowerCase() === '/news/apiclick.aspx') {
    return httpUrl(url.searchParams.get('url')) ?? link;
  }
  if (host === 'news.google.com') {
    const id = /^\/(?:rss\/)?articles\/([A-Za-z0-9_-]+)/.exec(url.pathname)?.[1];
    return (id && httpUrl(googleArticleUrl(id))) ?? link;
  }
  return link;
}

/** The URL an older Google News article id holds, or null. */
function googleArticleUrl(id: string): string | null {
  const bytes = Buffer.from(id, 'base64url');
  if (bytes[0] !== 0x08 || bytes[1] !== 0x13 || bytes[2] !== 0x22) return null;
  // Field 4's length, a protobuf varint.
  let length = 0;
  let at = 3;
  for (let shift = 0; at < bytes.length && shift < 28; shift += 7) {
    const byte = bytes[at]!;
    at += 1;
    length |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) break;
  }
  if (length === 0 || at + length > bytes.length) return null;
  return bytes.subarray(at, at + length).toString('utf8');
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
