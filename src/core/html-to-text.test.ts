import { describe, expect, it } from 'vitest';
import { htmlToText, textLine } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps the words, drops the tags, and breaks lines at blocks', () => {
    expect(htmlToText('<p>Acme <strong>wins</strong> a contract.</p><p>Second&nbsp;paragraph</p>')).toBe(
      'Acme wins a contract.\n\nSecond paragraph',
    );
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToText('Caf&eacute; &amp; cr&#232;me &#x2014; &quot;ok&quot; &lt;b&gt;')).toBe('Café & crème — "ok" <b>');
  });

  it('drops script, style and noscript content', () => {
    const html = '<style>p{color:red}</style><p>Visible</p><script>alert("x")</script><noscript>no</noscript>';
    expect(htmlToText(html)).toBe('Visible');
  });

  it('survives broken markup', () => {
    expect(htmlToText('<p>Unclosed <b>bold <i>and italic</p> tail')).toBe('Unclosed bold and italic\ntail');
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
  });

  it('collapses whitespace runs and blank lines', () => {
    expect(htmlToText('<div>  one   two  </div>\n\n\n\n<div>three</div>')).toBe('one two\n\nthree');
  });

  it('returns text without markup unchanged apart from whitespace', () => {
    expect(htmlToText('  plain   text ')).toBe('plain text');
  });

  it('never lets an attribute or comment through', () => {
    expect(htmlToText('<a href="javascript:alert(1)" onclick="x()">link</a><!-- secret -->')).toBe('link');
  });
});

describe('textLine', () => {
  it('makes one line of a title with markup and newlines', () => {
    expect(textLine('\n  Acme &amp; Co:\n <em>results</em> ')).toBe('Acme & Co: results');
  });
});
