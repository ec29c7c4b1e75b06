import type { Chart as ChartType } from 'chart.js';

/** Chart.js with the pieces the page draws (bars, categories, linear scales, tooltip, legend). */
export type ChartLibrary = { Chart: typeof ChartType };

let loading: Promise<ChartLibrary> | null = null;

/**
 * Chart.js is most of the page's script, so it is a chunk of its own: the results need not wait
 * for it to be parsed. `main.tsx` starts loading it at once; charts await the same promise.
 */
export function loadChartLibrary(): Promise<ChartLibrary> {
  loading ??= import('./chart-setup.js');
  return loading;
}
