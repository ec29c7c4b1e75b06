import { useI18n } from '../i18n/i18n.js';
import { CHANNELS, emptyFilters, isNarrowed, SENTIMENTS, toggleFilter, type FilterKey, type SearchState } from '../state/search-state.js';
import { TokenInput } from './token-input.js';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function CheckGroup(props: { name: FilterKey; legend: string; options: { value: string; label: string }[]; state: SearchState; onChange(state: SearchState): void }) {
  return (
    <fieldset class="filter-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} class={`check check-${props.name}-${option.value}`}>
          <input
            type="checkbox"
            name={props.name}
            value={option.value}
            checked={props.state.filters[props.name].includes(option.value)}
            onChange={() => props.onChange(toggleFilter(props.state, props.name, option.value))}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Filters for brand, person, sentiment, channel, source, language and dates; every change is a new URL. */
export function Filters(props: {
  state: SearchState;
  brands: { key: string; name: string }[];
  sources: { id: string; name: string }[];
  onChange(state: SearchState): void;
}) {
  const { t, tk } = useI18n();
  const { state, onChange } = props;
  const brandOptions = [...props.brands.map((b) => ({ value: b.key, label: b.name }))];
  for (const selected of state.filters.brand) if (!brandOptions.some((o) => o.value === selected)) brandOptions.push({ value: selected, label: selected });
  const sourceName = (id: string) => props.sources.find((s) => s.id === id)?.name ?? id;
  const add = (key: FilterKey) => (value: string) => !state.filters[key].includes(value) && onChange(toggleFilter(state, key, value));
  const remove = (key: FilterKey) => (value: string) => onChange(toggleFilter(state, key, value));

  return (
    <section class="filters" aria-labelledby="filters-title">
      <div class="section-head">
        <h2 id="filters-title">{t('filtersTitle')}</h2>
        {isNarrowed(state) && (
          <button type="button" class="link-button" onClick={() => onChange({ ...state, q: '', filters: emptyFilters(), from: '', to: '', mention: null })}>
            {t('clearAll')}
          </button>
        )}
      </div>
      <fieldset class="filter-group dates">
        <legend>{t('filterDates')}</legend>
        <label>
          <span>{t('filterFrom')}</span>
          <input type="date" name="from" value={isDay(state.from) ? state.from : ''} onChange={(e) => onChange({ ...state, from: e.currentTarget.value, mention: null })} />
        </label>
        <label>
          <span>{t('filterTo')}</span>
          <input type="date" name="to" value={isDay(state.to) ? state.to : ''} onChange={(e) => onChange({ ...state, to: e.currentTarget.value, mention: null })} />
        </label>
        {state.from && !isDay(state.from) && <p class="hint">{state.from}</p>}
        {(state.from || state.to) && (
          <button type="button" class="link-button" onClick={() => onChange({ ...state, from: '', to: '', mention: null })}>
            {t('clearDates')}
          </button>
        )}
      </fieldset>
      {brandOptions.length > 0 && <CheckGroup name="brand" legend={t('filterBrand')} options={brandOptions} state={state} onChange={onChange} />}
      <CheckGroup name="sentiment" legend={t('filterSentiment')} options={SENTIMENTS.map((s) => ({ value: s, label: tk('sentiment', s) }))} state={state} onChange={onChange} />
      <CheckGroup name="channel" legend={t('filterChannel')} options={CHANNELS.map((c) => ({ value: c, label: tk('channel', c) }))} state={state} onChange={onChange} />
      <TokenInput
        id="filter-source"
        label={t('filterSource')}
        values={state.filters.source}
        suggestions={props.sources.map((s) => ({ value: s.id, label: s.name }))}
        describe={sourceName}
        onAdd={add('source')}
        onRemove={remove('source')}
      />
      <TokenInput id="filter-person" label={t('filterPerson')} values={state.filters.person} placeholder={t('addPlaceholderPerson')} onAdd={add('person')} onRemove={remove('person')} />
      <TokenInput
        id="filter-lang"
        label={t('filterLang')}
        values={state.filters.lang}
        placeholder={t('addPlaceholderLang')}
        suggestions={LANGUAGES.map((l) => ({ value: l, label: l }))}
        onAdd={add('lang')}
        onRemove={remove('lang')}
      />
    </section>
  );
}
