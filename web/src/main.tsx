import { render } from 'preact';
import { prefetch } from './api/client.js';
import { App } from './app.js';
import { loadChartLibrary } from './components/chart-library.js';
import { viewOf } from './state/router.js';
import { mentionsParams, parseSearchState, statsParams } from './state/search-state.js';

performance.mark('hubwatch:script-start');

// The search screen's data and Chart.js are asked for now, beside the session check, not after it.
prefetch('/api/session');
if (viewOf(location.pathname) === 'search') {
  void loadChartLibrary();
  const state = parseSearchState(new URLSearchParams(location.search));
  prefetch('/api/mentions', mentionsParams(state));
  for (const report of ['volume', 'sentiment', 'share-of-voice']) prefetch(`/api/stats/${report}`, statsParams(state));
}

const root = document.getElementById('app');
if (root) render(<App />, root);
