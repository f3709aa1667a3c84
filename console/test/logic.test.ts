import assert from "node:assert/strict";
import { test } from "node:test";
import { nextDelay, parseEventStream, retryAfterSeconds, spans } from "../src/logic";

test("Retry-After in seconds or as a date, never below one second", () => {
  assert.equal(retryAfterSeconds("7"), 7);
  assert.equal(retryAfterSeconds(null), 1);
  assert.equal(retryAfterSeconds("0"), 1);
  const now = Date.parse("2026-12-03T10:00:00Z");
  assert.equal(retryAfterSeconds("Thu, 03 Dec 2026 10:00:05 GMT", now), 5);
  assert.equal(retryAfterSeconds("soon"), 1);
});

test("polling backs off by doubling per failure, up to a minute", () => {
  assert.equal(nextDelay(3000, 0), 3000);
  assert.equal(nextDelay(3000, 1), 6000);
  assert.equal(nextDelay(3000, 3), 24000);
  assert.equal(nextDelay(3000, 10), 60000);
});

test("the timeline shows parallel branches as overlapping spans", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, s)).toISOString();
  const event = (id: number, s: number, type: string, step?: string) => ({ id, previousEventId: id - 1, timestamp: at(s), type, details: {}, ...(step ? { step } : {}) });
  const result = spans([
    event(1, 0, "ExecutionStarted"),
    event(2, 0, "TaskStarted", "preflight"), event(3, 1, "TaskSucceeded", "preflight"),
    event(4, 1, "TaskStarted", "thumbnail"), event(5, 1, "TaskStarted", "embed"),
    event(6, 2, "TaskSucceeded", "thumbnail"), event(7, 4, "TaskFailed", "embed"),
    event(8, 5, "TaskStarted", "embed"),
    event(9, 6, "TaskScheduled", "validate"),
  ]);
  assert.deepEqual(result.map((s) => [s.step, s.outcome, (s.end - s.start) / 1000]), [
    ["preflight", "Succeeded", 1], ["thumbnail", "Succeeded", 1], ["embed", "Failed", 3], ["embed", "Running", 1],
  ]);
  const thumbnail = result[1]!, embed = result[2]!;
  assert.ok(thumbnail.start < embed.end && embed.start < thumbnail.end, "the two branches overlap");
});

test("an event stream is read block by block; heartbeats and an unfinished block are kept apart", () => {
  const first = parseEventStream(": heartbeat\n\nid: 41\nevent: video.validated\ndata: {\"a\":1}\n\nid: 42\ndata: {\"b\"");
  assert.deepEqual(first.events, [{ id: "41", event: "video.validated", data: "{\"a\":1}" }]);
  assert.equal(first.rest, "id: 42\ndata: {\"b\"");
  const second = parseEventStream(first.rest + ":2}\r\n\r\n");
  assert.deepEqual(second.events, [{ id: "42", data: "{\"b\":2}" }]);
  assert.equal(second.rest, "");
});
