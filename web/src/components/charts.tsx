import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { SentimentRow, ShareRow, VolumeRow } from '../api/types.js';
import { useI18n, type I18n } from '../i18n/i18n.js';
import { INTERVALS, SENTIMENTS, type Interval } from '../state/search-state.js';
import { ChartCanvas } from './chart-canvas.js';

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito); labels say the rest. */
export const SENTIMENT_COLOURS: Record<(typeof SENTIMENTS)[number], string> = {
  positive: '#0072B2',
  neutral: '#A7B1BE',
  negative: '#D55E00',
  unscored: '#E3E7EC',
};
const VOLUME_COLOUR = '#3E6A8A';
const SHARE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7A6F5A', '#F0E442'];

export interface ChartData {
  volume: VolumeRow[];
  sentiment: SentimentRow[];
  share: ShareRow[];
}

function bucketLabel(i18n: I18n, key: string, interval: Interval): string {
  const day = key.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return key;
  const options: Intl.DateTimeFormatOptions = interval === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(i18n.locale, options).format(date);
}

const axes = (stacked: boolean) => ({
  x: { stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
  y: { stacked, beginAtZero: true, grid: { color: '#eef1f4' }, ticks: { precision: 0 } },
});

/** Volume, sentiment (stacked) and share of voice, each with its data as a table of buttons. */
export function Charts(props: {
  data: ChartData | null;
  invalid: boolean;
  /** Dates are set; otherwise the API charts the last 30 days. */
  dated: boolean;
  interval: Interval;
  onInterval(interval: Interval): void;
  onBucket(key: string): void;
  onBrand(key: string): void;
  /** Brand display names by id, for rows that carry the id only. */
  brandNames: ReadonlyMap<string, string>;
  onDrawn(): void;
}) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const { data, interval } = props;
  const nameOf = (key: string) => props.brandNames.get(key) ?? key;

  const volume = useMemo<ChartConfiguration<'bar'> | null>(() => {
    if (!data) return null;
    return {
      type: 'bar',
      data: {
        labels: data.volume.map((row) => bucketLabel(i18n, row.key, interval)),
        datasets: [{ label: t('mentionsCount'), data: data.volume.map((row) => row.count), backgroundColor: VOLUME_COLOUR, borderRadius: 2, maxBarThickness: 48 }],
      },
      options: { plugins: { legend: { display: false } }, scales: axes(false) },
    };
  }, [data, interval, i18n]);

  const sentiment = useMemo<ChartConfiguration<'bar'> | null>(() => {
    if (!data) return null;
    return {
      type: 'bar',
      data: {
        labels: data.sentiment.map((row) => bucketLabel(i18n, row.key, interval)),
        datasets: SENTIMENTS.map((label) => ({
          label: tk('sentiment', label),
          data: data.sentiment.map((row) => row[label]),
          backgroundColor: SENTIMENT_COLOURS[label],
          borderColor: label === 'unscored' ? '#b9c1cb' : SENTIMENT_COLOURS[label],
          borderWidth: label === 'unscored' ? 1 : 0,
          maxBarThickness: 48,
        })),
      },
      options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } }, scales: axes(true) },
    };
  }, [data, interval, i18n]);

  const share = useMemo<ChartConfiguration<'bar'> | null>(() => {
    if (!data) return null;
    const rows = data.share.filter((row) => row.count > 0);
    return {
      type: 'bar',
      data: {
        labels: rows.map((row) => `${row.name ?? nameOf(row.key)} · ${Math.round(row.share * 100)} %`),
        datasets: [{ label: t('share'), data: rows.map((row) => row.count), backgroundColor: rows.map((_, i) => SHARE_COLOURS[i % SHARE_COLOURS.length] ?? VOLUME_COLOUR), borderRadius: 2, maxBarThickness: 28 }],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, grid: { color: '#eef1f4' }, ticks: { precision: 0 } }, y: { grid: { display: false } } },
      },
    };
  }, [data, i18n, props.brandNames]);

  const shareRows = data?.share.filter((row) => row.count > 0) ?? [];
  // Charts draw once Chart.js has loaded: `onDrawn` is told when every chart shown for this data is.
  const shown = data ? (['volume', 'sentiment', 'share'] as const).filter((name) => (name === 'share' ? shareRows.length : data[name].length) > 0) : [];
  const drawn = useRef<{ data: ChartData | null; names: Set<string> }>({ data: null, names: new Set() });
  const chartDrawn = (name: string) => () => {
    if (drawn.current.data !== data) drawn.current = { data, names: new Set() };
    drawn.current.names.add(name);
    if (shown.every((n) => drawn.current.names.has(n))) props.onDrawn();
  };
  useEffect(() => {
    if (data && shown.length === 0) props.onDrawn();
  }, [data]);
  return (
    <section class="charts" aria-labelledby="charts-title">
      <div class="section-head">
        <div>
          <h2 id="charts-title">{t('chartsTitle')}</h2>
          {!props.dated && <p class="hint">{t('chartsDefaultWindow')}</p>}
        </div>
        <span class="inline-field">
          <label for="interval">{t('intervalLabel')}</label>
          <select id="interval" value={interval} onChange={(event) => props.onInterval(event.currentTarget.value as Interval)}>
            {INTERVALS.map((value) => (
              <option key={value} value={value}>
                {t(`interval_${value}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <div class="chart-grid">
        <figure class="chart-card" data-chart="volume">
          <figcaption>
            <h3>{t('chartVolume')}</h3>
            <p class="hint">{t('chartVolumeHint')}</p>
          </figcaption>
          {volume && data && data.volume.length > 0 ? (
            <ChartCanvas config={volume} label={t('chartVolume')} onPick={(i) => data.volume[i] && props.onBucket(data.volume[i].key)} onDrawn={chartDrawn('volume')} />
          ) : (
            <EmptyChart loading={!data} invalid={props.invalid} />
          )}
          {data && data.volume.length > 0 && (
            <DataTable
              headers={[t('bucket'), t('count')]}
              rows={data.volume.map((row) => ({ key: row.key, label: bucketLabel(i18n, row.key, interval), cells: [i18n.number(row.count)], onPick: () => props.onBucket(row.key) }))}
            />
          )}
        </figure>
        <figure class="chart-card" data-chart="sentiment">
          <figcaption>
            <h3>{t('chartSentiment')}</h3>
            <p class="hint">{t('chartVolumeHint')}</p>
          </figcaption>
          {sentiment && data && data.sentiment.length > 0 ? (
            <ChartCanvas config={sentiment} label={t('chartSentiment')} onPick={(i) => data.sentiment[i] && props.onBucket(data.sentiment[i].key)} onDrawn={chartDrawn('sentiment')} />
          ) : (
            <EmptyChart loading={!data} invalid={props.invalid} />
          )}
          {data && data.sentiment.length > 0 && (
            <DataTable
              headers={[t('bucket'), ...SENTIMENTS.map((s) => tk('sentiment', s))]}
              rows={data.sentiment.map((row) => ({ key: row.key, label: bucketLabel(i18n, row.key, interval), cells: SENTIMENTS.map((s) => i18n.number(row[s])), onPick: () => props.onBucket(row.key) }))}
            />
          )}
        </figure>
        <figure class="chart-card" data-chart="share">
          <figcaption>
            <h3>{t('chartShare')}</h3>
            <p class="hint">{t('chartShareHint')}</p>
          </figcaption>
          {share && shareRows.length > 0 ? (
            <ChartCanvas config={share} label={t('chartShare')} onPick={(i) => shareRows[i] && props.onBrand(shareRows[i].key)} onDrawn={chartDrawn('share')} />
          ) : (
            <EmptyChart loading={!data} invalid={props.invalid} />
          )}
          {shareRows.length > 0 && (
            <DataTable
              headers={[t('filterBrand'), t('count'), t('share')]}
              rows={shareRows.map((row) => ({ key: row.key, label: row.name ?? nameOf(row.key), cells: [i18n.number(row.count), `${Math.round(row.share * 100)} %`], onPick: () => props.onBrand(row.key) }))}
            />
          )}
        </figure>
      </div>
    </section>
  );
}

function EmptyChart({ loading, invalid }: { loading: boolean; invalid: boolean }) {
  const { t } = useI18n();
  return <p class="chart-empty">{invalid ? '—' : loading ? t('loading') : t('chartEmpty')}</p>;
}

/** The chart's numbers, each row a button doing what clicking its bar does. */
function DataTable(props: { headers: string[]; rows: { key: string; label: string; cells: string[]; onPick(): void }[] }) {
  const { t } = useI18n();
  return (
    <details class="chart-table">
      <summary>{t('chartTableSummary')}</summary>
      <table>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <button type="button" class="link-button" onClick={row.onPick}>
                  {row.label}
                </button>
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
