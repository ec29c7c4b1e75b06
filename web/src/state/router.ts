import { useEffect, useState } from 'preact/hooks';

/** The page's screens, by path. */
export type View = 'search' | 'sources' | 'alerts';

export function viewOf(pathname: string): View {
  if (pathname.startsWith('/sources')) return 'sources';
  if (pathname.startsWith('/alerts')) return 'alerts';
  return 'search';
}

const NAVIGATED = 'hubwatch:navigated';

/** Moves to a same-origin URL (a path with its query string), adding a history entry unless `replace`. */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (url === current) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The current path and query string; re-renders on navigate() and on back/forward. */
export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: location.pathname, search: location.search });
  const [where, setWhere] = useState(read);
  useEffect(() => {
    const update = () => setWhere(read());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return where;
}

/** A click that the page should handle itself (not a new tab, not a modified click). */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
