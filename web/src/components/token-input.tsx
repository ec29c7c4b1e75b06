import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';

/** Chosen values as removable chips, and a text field (with suggestions) to add one. */
export function TokenInput(props: {
  id: string;
  label: string;
  values: string[];
  placeholder?: string;
  suggestions?: { value: string; label: string }[];
  describe?(value: string): string;
  onAdd(value: string): void;
  onRemove(value: string): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const listId = `${props.id}-suggestions`;
  const add = () => {
    const value = draft.trim();
    if (value) props.onAdd(value);
    setDraft('');
  };
  return (
    <fieldset class="filter-group">
      <legend>{props.label}</legend>
      {props.values.length > 0 && (
        <ul class="chips">
          {props.values.map((value) => (
            <li key={value} class="chip">
              <span>{props.describe ? props.describe(value) : value}</span>
              <button type="button" class="chip-remove" aria-label={t('removeValue', { value: props.describe ? props.describe(value) : value })} onClick={() => props.onRemove(value)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="token-add">
        <input
          id={props.id}
          type="text"
          value={draft}
          aria-label={props.label}
          placeholder={props.placeholder}
          list={props.suggestions ? listId : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {t('addValue')}
        </button>
      </div>
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </datalist>
      )}
    </fieldset>
  );
}
