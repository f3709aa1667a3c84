// Live data: a page reloads its data as soon as the server announces a change on its event stream
// (GET /api/events/stream: an admin hears everything, a consumer their own videos), and by polling with backoff
// besides (some changes, such as re-clustering progress, have no event; the stream may be down): every few seconds,
// longer after each failure (up to a minute), paused while the tab is hidden.
import { useEffect, useRef, useState } from "preact/hooks";
import { describe, token } from "./api";
import { nextDelay, parseEventStream } from "./logic";

const listeners = new Set<() => void>();
let stream: AbortController | undefined;
let lastEventId: string | undefined;

/** One stream per tab, open while any page listens; it reconnects with Last-Event-ID, so no change is missed. */
function listen(onEvent: () => void): () => void {
  listeners.add(onEvent);
  if (!stream) connect(0);
  return () => {
    listeners.delete(onEvent);
    if (!listeners.size) {
      stream?.abort();
      stream = undefined;
    }
  };
}

function connect(failures: number): void {
  const jwt = token();
  if (!jwt) return;
  const controller = new AbortController();
  stream = controller;
  const headers: Record<string, string> = { Accept: "text/event-stream", Authorization: `Bearer ${jwt}` };
  if (lastEventId) headers["Last-Event-ID"] = lastEventId;
  const retry = (n: number) => {
    if (stream === controller && listeners.size) setTimeout(() => stream === controller && connect(n), nextDelay(2000, n));
  };
  fetch("/api/events/stream", { headers, signal: controller.signal })
    .then(async (response) => {
      if (!response.ok || !response.body) return retry(failures + 1);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return retry(0);
        const parsed = parseEventStream(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) if (event.id) lastEventId = event.id;
        // the last event heard, on the page for anyone debugging it (and the browser tests)
        if (lastEventId) document.documentElement.dataset.lastEventId = lastEventId;
        if (parsed.events.length) listeners.forEach((notify) => notify());
      }
    })
    .catch(() => retry(failures + 1));
}

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
    let loading = false;
    let again = false; // asked for while a load was under way: one more load follows it, never two in parallel
    const run = async () => {
      if (stopped) return;
      if (loading) {
        again = true;
        return;
      }
      clearTimeout(timer);
      if (document.hidden && state.data !== undefined) {
        timer = setTimeout(run, 1000);
        return;
      }
      loading = true;
      try {
        const data = await loadRef.current();
        failures = 0;
        if (!stopped) setState({ data });
      } catch (e) {
        failures++;
        if (!stopped) setState((s) => ({ ...s, error: describe(e) }));
      }
      loading = false;
      if (again) {
        again = false;
        run();
      } else if (!stopped && everyMs !== null) {
        timer = setTimeout(run, nextDelay(everyMs, failures));
      }
    };
    run();
    // an announced change reloads at once (coalesced: a burst of events is one reload)
    let soon: ReturnType<typeof setTimeout> | undefined;
    const unlisten = everyMs === null ? undefined : listen(() => {
      if (soon) return;
      soon = setTimeout(() => {
        soon = undefined;
        run();
      }, 200);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(soon);
      unlisten?.();
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
