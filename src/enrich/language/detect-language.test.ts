import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageCode } from './detect-language.js';

describe('detectLanguage', () => {
  it('tells Western European languages apart on titles and texts', () => {
    const cases: [string, string][] = [
      ['Orange relève ses tarifs mobiles pour la deuxième fois cette année', 'fr'],
      ['Acme shares slump after profit warning', 'en'],
      ['Der Umsatz von Acme ist im dritten Quartal gestiegen', 'de'],
      ['Las ventas de Acme crecieron un diez por ciento', 'es'],
      ['Le vendite di Acme sono aumentate nel terzo trimestre', 'it'],
      ['De omzet van Acme is in het derde kwartaal gestegen', 'nl'],
      ['As vendas da Acme cresceram no terceiro trimestre', 'pt'],
    ];
    for (const [title, language] of cases) expect(detectLanguage({ title, text: '' })).toBe(language);
  });

  it('prefers a forced language, then the hint on very short text', () => {
    expect(detectLanguage({ title: 'Acme', text: '', languageHint: 'fr-CA' })).toBe('fr');
    expect(detectLanguage({ title: 'Acme shares slump after profit warning', text: '', language: 'FR' })).toBe('fr');
    expect(detectLanguage({ title: '', text: '' })).toBeNull();
  });

  it('normalises codes', () => {
    expect(normaliseLanguageCode('en-GB')).toBe('en');
    expect(normaliseLanguageCode('french')).toBeNull();
    expect(normaliseLanguageCode(undefined)).toBeNull();
  });
});
