import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/en.js';

/** The cheat sheet: the query language's main forms (docs/query-language.md has them all). */
const ROWS: readonly [string, MessageKey][] = [
  ['acme cloud', 'helpWords'],
  ['"acme cloud"', 'helpPhrase'],
  ['acme OR globex', 'helpOr'],
  ['acme NOT outage  ·  acme -outage', 'helpNot'],
  ['(rachat OR acquisition) acme', 'helpGroup'],
  ['layoffs NEAR/5 acme', 'helpNear'],
  ['acqui*', 'helpWildcard'],
  ['brand:acme  person:"Claire Dubois"  sentiment:negative  channel:social  source:le-monde  author:"Jean Dupont"  lang:fr', 'helpFields'],
  ['title:rachat', 'helpTitleField'],
  ['site:lemonde.fr', 'helpSite'],
  ['#grève  @acme', 'helpTags'],
];

export function QueryHelp() {
  const { t } = useI18n();
  return (
    <section id="query-help" class="query-help" aria-labelledby="query-help-title">
      <h2 id="query-help-title">{t('helpTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('helpWrite')}</th>
            <th scope="col">{t('helpFinds')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([example, key]) => (
            <tr key={key}>
              <td>
                <code>{example}</code>
              </td>
              <td>{t(key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('helpRules')}</p>
    </section>
  );
}
