// The console's decisions that need no browser, kept apart so that node's test runner checks them (test/logic.test.ts).
import type { components } from "./generated/api";

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), at least 1. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(1, Math.ceil((at - now) / 1000));
}

/** Polling backoff: the base interval while calls succeed, doubling per failure in a row, at most a minute. */
export function nextDelay(base: number, failures: number): number {
  return failures === 0 ? base : Math.min(60_000, base * 2 ** failures);
}

export interface Span { step: string; start: number; end: number; outcome: string }

/** Each step's runs as [start, end] spans, from the workflow's history events; a run still open ends at the last event. */
export function spans(events: components["schemas"]["HistoryEvent"][]): Span[] {
  const open = new Map<string, number>();
  const out: Span[] = [];
  for (const e of events) {
    if (!e.step) continue;
    const t = Date.parse(e.timestamp);
    if (e.type === "TaskStarted") open.set(e.step, t);
    else if (e.type.startsWith("Task") && e.type !== "TaskScheduled" && open.has(e.step)) {
      out.push({ step: e.step, start: open.get(e.step)!, end: t, outcome: e.type.replace("Task", "") });
      open.delete(e.step);
    }
  }
  const last = events.length ? Date.parse(events[events.length - 1]!.timestamp) : 0;
  open.forEach((start, step) => out.push({ step, start, end: Math.max(start, last), outcome: "Running" }));
  return out;
}

export interface StreamEvent { id?: string; event?: string; data: string }

/**
 * Server-sent events from a text buffer (RFC: blocks end with a blank line; "field: value" lines; ":" starts a
 * comment such as a heartbeat). Returns the complete events and the unfinished rest to keep for the next chunk.
 */
export function parseEventStream(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  for (const block of blocks) {
    const event: StreamEvent = { data: "" };
    let fields = 0;
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (name === "id") event.id = value;
      else if (name === "event") event.event = value;
      else if (name === "data") event.data = event.data ? `${event.data}\n${value}` : value;
      else continue;
      fields++;
    }
    if (fields) events.push(event);
  }
  return { events, rest };
}
