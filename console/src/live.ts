// Live data by polling with backoff: a page reloads its data every few seconds, waits longer after each failure
// (up to a minute) and pauses while the tab is hidden. Server-sent events replace this once the server has them.
import { useEffect, useRef, useState } from "preact/hooks";
import { describe } from "./api";
import { nextDelay } from "./logic";

export interface Live<T> {
  data?: T;
  error?: string;
  reload: () => void;
}

export function useLive<T>(load: () => Promise<T>, everyMs: number | null, deps: unknown[] = []): Live<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (stopped) return;
      if (document.hidden && state.data !== undefined) {
        timer = setTimeout(run, 1000);
        return;
      }
      try {
        const data = await loadRef.current();
        failures = 0;
        if (!stopped) setState({ data });
      } catch (e) {
        failures++;
        if (!stopped) setState((s) => ({ ...s, error: describe(e) }));
      }
      if (!stopped && everyMs !== null) timer = setTimeout(run, nextDelay(everyMs, failures));
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** The current hash route, split: "#/admin/videos/abc?x=1" → ["admin", "videos", "abc"] and its query. */
export function useRoute(): { parts: string[]; query: URLSearchParams } {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener("hashchange", onChange);
    onChange(); // a redirect made during the first render fired its hashchange before this listener existed
    return () => removeEventListener("hashchange", onChange);
  }, []);
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  return { parts: (path ?? "").split("/").filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query ?? "") };
}
