// Admin pages: overview, pipeline, videos (with the workflow timeline), mobs, costs and budget, campaign.
import { useEffect, useState } from "preact/hooks";
import { api, must, type Schemas } from "../api";
import { useLive } from "../live";
import { spans } from "../logic";
import { Bars, Cards, DuplicateLinks, ErrorLine, Gauge, Loading, Section, Status, usd, when } from "../ui";

const POLL = 3000;

export function Overview() {
  const stats = useLive(() => must(api.GET("/api/admin/stats")), POLL);
  const queues = useLive(() => must(api.GET("/api/admin/queues")), POLL);
  const budget = useLive(() => must(api.GET("/api/admin/budget")), POLL);
  const s = stats.data;
  // a performance mark (ms from navigation until the overview first shows data), for the browser's own tools
  useEffect(() => { if (s && !performance.getEntriesByName("overview-data").length) performance.mark("overview-data"); }, [s]);
  const global = (period: string) => budget.data?.windows.find((w) => w.scope === "global" && w.period === period);
  const day = global("day");
  const month = global("month");
  return (
    <div>
      <h1>Overview</h1>
      <ErrorLine error={stats.error ?? queues.error ?? budget.error} />
      {!s ? <Loading what="the numbers" /> : (
        <div class="grid">
          <Section title="Videos by status">
            <Bars rows={Object.entries(s.videosByStatus)} />
          </Section>
          <Section title="Pipeline latency">
            {s.pipelineLatency ? (
              <p class="big" data-testid="latency">
                p50 <strong>{s.pipelineLatency.p50Seconds.toFixed(1)} s</strong> · p95{" "}
                <strong>{s.pipelineLatency.p95Seconds.toFixed(1)} s</strong>
              </p>
            ) : <p class="muted" data-testid="latency">No workflow has finished yet.</p>}
            <p class="muted">{s.pipelineLatency?.workflows ?? 0} workflows · {s.mobs} mobs, {s.mobMembers} members</p>
          </Section>
          <Section title="Queue depth per step">
            {queues.data ? (
              <Bars rows={queues.data.queues.map((q) => [q.step + (q.paused ? " (paused)" : ""), (q.counts.AVAILABLE ?? 0) + (q.counts.RUNNING ?? 0)])} />
            ) : <Loading what="queues" />}
          </Section>
          <Section title="Failures by reason">
            {Object.keys(s.failuresByReason).length ? <Bars rows={Object.entries(s.failuresByReason)} /> : <p class="muted">No failures.</p>}
          </Section>
          <Section title="Cost against the ceilings">
            <Gauge label="Today" value={day?.spentUsd ?? 0} limit={day?.limitUsd} />
            <Gauge label="This month" value={month?.spentUsd ?? 0} limit={month?.limitUsd} />
          </Section>
        </div>
      )}
    </div>
  );
}

export function Pipeline() {
  const [state, setState] = useState("");
  const [step, setStep] = useState("");
  const [error, setError] = useState<string>();
  const queues = useLive(() => must(api.GET("/api/admin/queues")), POLL);
  const jobs = useLive(
    () => must(api.GET("/api/admin/jobs", { params: { query: { ...(state ? { state: state as Schemas["JobState"] } : {}), ...(step ? { step } : {}), limit: 50 } } })),
    POLL, [state, step]);
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    queues.reload();
    jobs.reload();
  };
  const toggle = (q: Schemas["Queue"]) => act(() => must(q.paused
    ? api.POST("/api/admin/queues/{step}/resume", { params: { path: { step: q.step } } })
    : api.POST("/api/admin/queues/{step}/pause", { params: { path: { step: q.step } } })));
  return (
    <div>
      <h1>Pipeline</h1>
      <ErrorLine error={error ?? queues.error ?? jobs.error} />
      <Section title="Queues">
        <table>
          <thead><tr><th>step</th><th>waiting</th><th>running</th><th>dead</th><th>oldest waiting</th><th /></tr></thead>
          <tbody>
            {queues.data?.queues.map((q) => (
              <tr key={q.step} data-queue={q.step}>
                <td>{q.step}{q.paused && <span class="status status-deferred">paused</span>}</td>
                <td class="num">{q.counts.AVAILABLE ?? 0}</td>
                <td class="num">{q.counts.RUNNING ?? 0}</td>
                <td class="num">{q.counts.DEAD ?? 0}</td>
                <td class="num">{q.oldestWaitingSeconds.toFixed(0)} s</td>
                <td><button onClick={() => toggle(q)} aria-label={`${q.paused ? "Resume" : "Pause"} ${q.step}`}>{q.paused ? "Resume" : "Pause"}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Jobs">
        <div class="filters">
          <label>State <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
            <option value="">any</option>
            {["AVAILABLE", "RUNNING", "COMPLETED", "DEAD", "CANCELLED"].map((s) => <option key={s}>{s}</option>)}
          </select></label>
          <label>Step <input value={step} onChange={(e) => setStep(e.currentTarget.value)} placeholder="e.g. embed" /></label>
        </div>
        <table>
          <thead><tr><th>id</th><th>video</th><th>step</th><th>state</th><th>attempts</th><th>last error</th><th /></tr></thead>
          <tbody>
            {jobs.data?.items.map((j) => (
              <tr key={j.id}>
                <td class="num">{j.id}</td>
                <td><a href={`#/admin/videos/${j.videoId}`}>{j.videoId.slice(0, 8)}</a></td>
                <td>{j.step}</td>
                <td><Status status={j.state} /></td>
                <td class="num">{j.attempts}/{j.maxAttempts}</td>
                <td>{j.lastError}</td>
                <td>
                  {(j.state === "DEAD" || j.state === "CANCELLED") && <button onClick={() => act(() => must(api.POST("/api/admin/jobs/{jobId}/retry", { params: { path: { jobId: j.id } } })))}>Retry</button>}
                  {(j.state === "AVAILABLE" || j.state === "RUNNING") && <button onClick={() => act(() => must(api.POST("/api/admin/jobs/{jobId}/cancel", { params: { path: { jobId: j.id } } })))}>Cancel</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}

export function AdminVideos() {
  const [status, setStatus] = useState("");
  const [owner, setOwner] = useState("");
  const list = useLive(() => must(api.GET("/api/admin/videos", { params: { query: { ...(status ? { status: status as Schemas["VideoStatus"] } : {}), ...(owner ? { userId: owner } : {}), limit: 60 } } })), POLL, [status, owner]);
  return (
    <div>
      <h1>Videos</h1>
      <div class="filters">
        <label>Status <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">any</option>
          {["SUBMITTED", "UPLOADED", "PROCESSING", "DEFERRED", "ANALYZED", "IN_REVIEW", "VALIDATED", "REJECTED", "FAILED"].map((s) => <option key={s}>{s}</option>)}
        </select></label>
        <label>Owner <input value={owner} onChange={(e) => setOwner(e.currentTarget.value)} /></label>
      </div>
      <ErrorLine error={list.error} />
      {list.data ? <Cards admin videos={list.data.items.map((v) => ({ ...v, durationSeconds: v.media?.durationSeconds }))} /> : <Loading what="videos" />}
    </div>
  );
}

/** Videos the analysis could not prove take part (ADR 0022): an admin approves or rejects a selection at once. */
export function Reviews() {
  const queue = useLive(() => must(api.GET("/api/admin/videos", { params: { query: { status: "IN_REVIEW", limit: 100 } } })), POLL);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [asReferences, setAsReferences] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const items = queue.data?.items ?? [];
  const toggle = (id: string) => setChosen((now) => { const next = new Set(now); if (!next.delete(id)) next.add(id); return next; });
  const decide = async (decision: "VALIDATED" | "REJECTED") => {
    try {
      const answer = await must(api.POST("/api/admin/reviews", { body: { videoIds: [...chosen], decision, ...(reason ? { reason } : {}),
        asReferences: decision === "VALIDATED" && asReferences } }));
      const problems = answer.results.filter((r) => r.problem);
      setOutcome(`${answer.results.length - problems.length} ${decision === "VALIDATED" ? "approved" : "rejected"}`
        + (problems.length ? `; not decided: ${problems.map((p) => p.problem).join("; ")}` : ""));
      setChosen(new Set());
      queue.reload();
    } catch (e) {
      setOutcome((e as Error).message);
    }
  };
  return (
    <div>
      <h1>Review queue</h1>
      <p class="muted">The analysis could not establish that these videos take part (no participation score, no likeness to a campaign reference).</p>
      <ErrorLine error={queue.error} />
      {outcome && <p data-testid="review-outcome" aria-live="polite">{outcome}</p>}
      {!queue.data ? <Loading what="the queue" /> : items.length === 0 ? <p class="muted" data-testid="queue-empty">Nothing waits for review.</p> : (
        <div>
          <label><input type="checkbox" checked={chosen.size === items.length}
            onChange={(e) => setChosen(e.currentTarget.checked ? new Set(items.map((v) => v.videoId)) : new Set())} /> Select all</label>
          <ul class="cards">
            {items.map((v) => (
              <li key={v.videoId}>
                <label>
                  <input type="checkbox" aria-label={`Choose ${v.title}`} checked={chosen.has(v.videoId)} onChange={() => toggle(v.videoId)} />
                  {v.thumbnailUrl ? <img src={v.thumbnailUrl} alt="" loading="lazy" /> : <div class="noimg" />}
                  <span class="title">{v.title}</span>
                </label>
                <a href={`#/admin/videos/${v.videoId}`}>details</a>
              </li>
            ))}
          </ul>
          <div class="filters">
            <label>Reason <input value={reason} maxLength={1000} onInput={(e) => setReason(e.currentTarget.value)} placeholder="optional" /></label>
            <label><input type="checkbox" checked={asReferences} onChange={(e) => setAsReferences(e.currentTarget.checked)} /> Approved videos become campaign references</label>
            <button disabled={!chosen.size} onClick={() => decide("VALIDATED")}>Approve {chosen.size || ""}</button>
            <button disabled={!chosen.size} onClick={() => decide("REJECTED")}>Reject {chosen.size || ""}</button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Pairs of a video and the earlier one it re-uploads or re-edits, newest first, a page at a time (ADR 0026). */
export function NearDuplicates() {
  const [pages, setPages] = useState<Schemas["NearDuplicatePage"][]>([]);
  const first = useLive(() => must(api.GET("/api/admin/near-duplicates", { params: { query: { limit: 20 } } })), null);
  const [error, setError] = useState<string>();
  const all = [...(first.data ? [first.data] : []), ...pages];
  const next = all.length ? all[all.length - 1].nextCursor : undefined;
  const more = async () => {
    try {
      const page = await must(api.GET("/api/admin/near-duplicates", { params: { query: { limit: 20, cursor: next } } }));
      setPages((before) => [...before, page]);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const pairs = all.flatMap((p) => p.items);
  return (
    <div>
      <h1>Near-duplicates</h1>
      <p class="muted">Re-uploads and re-edits: most clips match in order and the durations are close. A shared intro is not enough.</p>
      <ErrorLine error={first.error ?? error} />
      {!first.data ? <Loading what="the pairs" /> : pairs.length === 0 ? <p class="muted">No near-duplicates found.</p> : (
        <table class="pairs">
          <thead><tr><th>Video</th><th>Re-edit of</th><th class="num">Clips matching</th><th class="num">Duration ratio</th><th>Found</th></tr></thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={`${p.video.videoId}-${p.original.videoId}`} data-testid="near-duplicate-pair">
                <td><a href={`#/admin/videos/${p.video.videoId}`}>{p.video.title}</a> <span class="muted">{p.video.ownerId}</span></td>
                <td><a href={`#/admin/videos/${p.original.videoId}`}>{p.original.title}</a> <span class="muted">{p.original.ownerId}</span></td>
                <td class="num">{Math.round(p.share * 100)} %</td>
                <td class="num">{p.durationRatio.toFixed(2)}</td>
                <td>{when(p.detectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <button onClick={more}>More</button>}
    </div>
  );
}

export function Timeline({ videoId }: { videoId: string }) {
  const history = useLive(() => must(api.GET("/api/execution-history", { params: { query: { videoId } } })), POLL, [videoId]);
  if (!history.data) return history.error ? <ErrorLine error={history.error} /> : <Loading what="the timeline" />;
  const all = spans(history.data.events);
  if (!all.length) return <p class="muted">No workflow has run yet.</p>;
  const t0 = Math.min(...all.map((s) => s.start));
  const total = Math.max(1, Math.max(...all.map((s) => s.end)) - t0);
  const steps = [...new Set(all.map((s) => s.step))];
  return (
    <figure class="timeline" aria-label="Execution timeline">
      {steps.map((step) => (
        <div class="lane" key={step}>
          <span class="lane-name">{step}</span>
          <div class="lane-track">
            {all.filter((s) => s.step === step).map((s, i) => (
              <div key={i} class={`span span-${s.outcome.toLowerCase()}`} title={`${step} ${s.outcome} ${((s.end - s.start) / 1000).toFixed(2)} s`}
                style={{ left: `${((s.start - t0) / total) * 100}%`, width: `max(3px, ${((s.end - s.start) / total) * 100}%)` }} />
            ))}
          </div>
        </div>
      ))}
      <figcaption class="muted">{(total / 1000).toFixed(2)} s from the first step to the last; overlapping bars ran in parallel.</figcaption>
    </figure>
  );
}

export function AdminVideo({ videoId }: { videoId: string }) {
  const video = useLive(() => must(api.GET("/api/videos/{videoId}", { params: { path: { videoId } } })), POLL, [videoId]);
  const validation = useLive(() => must(api.GET("/api/validate/{videoId}", { params: { path: { videoId } } })), null, [videoId]);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string>();
  const v = video.data;
  const override = async (decision: "VALIDATED" | "REJECTED") => {
    try {
      await must(api.POST("/api/validate", { body: { videoId, decision, reason } }));
      setMessage(`Overridden: ${decision}`);
      video.reload();
      validation.reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const remove = async () => {
    if (!confirm("Delete this video with its files, analysis and embeddings?")) return;
    try {
      await must(api.DELETE("/api/admin/videos/{videoId}", { params: { path: { videoId } } }));
      location.hash = "#/admin/videos";
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  if (!v) return video.error ? <ErrorLine error={video.error} /> : <Loading what="the video" />;
  const breakdown = validation.data?.decision?.breakdown ?? [];
  return (
    <div>
      <h1>{v.title} <Status status={v.status} /></h1>
      <ErrorLine error={message} />
      <Player video={v} />
      <Section title="Timeline"><Timeline videoId={videoId} /></Section>
      <div class="grid">
        <Section title="Media">
          {v.media ? (
            <dl>
              <dt>Duration</dt><dd>{v.media.durationSeconds.toFixed(1)} s</dd>
              <dt>Size</dt><dd>{v.media.width}×{v.media.height}, {(v.media.sizeBytes / 1e6).toFixed(1)} MB</dd>
              <dt>Codecs</dt><dd>{v.media.videoCodec}{v.media.audioCodec ? ` + ${v.media.audioCodec}` : ""}</dd>
            </dl>
          ) : <p class="muted">Not probed yet.</p>}
          {v.failure && <p class="error">{v.failure.code}: {v.failure.detail}</p>}
          <DuplicateLinks video={v} base="#/admin/videos/" />
        </Section>
        <Section title="Analysis">
          {v.analysis ? (
            <div>
              <p>{v.analysis.summary || <span class="muted">No summary ({v.analysis.analyzer}).</span>}</p>
              <p>OCR: <q>{v.analysis.ocrText}</q></p>
            </div>
          ) : <p class="muted">Not analysed yet.</p>}
        </Section>
        <Section title="Validation">
          {breakdown.length ? <Bars rows={breakdown.map((b) => [b.signal, b.contribution])} format={(n) => n.toFixed(3)} /> : <p class="muted">No decision yet.</p>}
          {validation.data?.decision && <p>Score {validation.data.decision.score.toFixed(2)} against {validation.data.decision.threshold.toFixed(2)} ({validation.data.decision.kind})</p>}
          <label>Reason <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
          <button disabled={!reason} onClick={() => override("VALIDATED")}>Accept</button>
          <button disabled={!reason} onClick={() => override("REJECTED")}>Reject</button>
        </Section>
      </div>
      <button class="danger" onClick={remove}>Delete video</button>
    </div>
  );
}

/** The player with its moments (highlights) on a bar under it; clicking a moment seeks (the blob URL serves Range). */
export function Player({ video }: { video: Schemas["Video"] }) {
  const [el, setEl] = useState<HTMLVideoElement | null>(null);
  const duration = video.media?.durationSeconds ?? 0;
  const moments = video.analysis?.highlights ?? [];
  if (!video.playbackUrl) return video.thumbnailUrl ? <img class="poster" src={video.thumbnailUrl} alt="Thumbnail" /> : null;
  return (
    <div class="player">
      <video ref={setEl} src={video.playbackUrl} poster={video.thumbnailUrl} controls preload="metadata" aria-label="Video player" />
      {duration > 0 && moments.length > 0 && (
        <div class="moments" aria-label="Moments">
          {moments.map((m, i) => (
            <button key={i} class="moment" title={m.description} aria-label={`Moment ${m.description}`}
              style={{ left: `${(m.startSeconds / duration) * 100}%`, width: `${((m.endSeconds - m.startSeconds) / duration) * 100}%` }}
              onClick={() => el && (el.currentTime = m.startSeconds)} />
          ))}
        </div>
      )}
    </div>
  );
}

export function Mobs() {
  const mobs = useLive(() => must(api.GET("/api/mobs")), 10_000);
  const [runId, setRunId] = useState<string>();
  const run = useLive(() => (runId ? must(api.GET("/api/admin/mobs/recluster/{runId}", { params: { path: { runId } } })) : Promise.resolve(undefined)), 1000, [runId]);
  const [error, setError] = useState<string>();
  const start = async () => {
    try {
      const started = await must(api.POST("/api/admin/mobs/recluster"));
      setRunId(started.runId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const r = run.data;
  return (
    <div>
      <h1>Mobs</h1>
      <ErrorLine error={error ?? mobs.error} />
      <p>
        <button onClick={start}>Re-cluster</button>{" "}
        {r && (
          <span class="recluster">
            <progress max={1} value={r.progress} aria-label="Re-cluster progress" /> <span data-testid="recluster-progress">{Math.round(r.progress * 100)} %</span> {r.phase} ({r.status})
            {r.k !== undefined && ` · K=${r.k}, ${r.videos ?? 0} videos, ${r.moved ?? 0} moved`}
          </span>
        )}
      </p>
      <MobGallery mobs={mobs.data?.mobs} admin />
      <Section title="Map"><MobMapView /></Section>
    </div>
  );
}

/** The server's 2-D projection of the videos' vectors: one dot per video, coloured by mob, each mob labelled at its centre. */
function MobMapView() {
  const map = useLive(() => must(api.GET("/api/admin/mobs/map")), 15_000);
  const m = map.data;
  if (!m) return map.error ? <ErrorLine error={map.error} /> : <Loading what="the map" />;
  if (!m.points.length) return <p class="muted">No mob members to place yet.</p>;
  const colour = new Map(m.mobs.map((mob, i) => [mob.mobId, COLOURS[i % COLOURS.length]!]));
  const at = (v: number) => 50 + v * 45;
  return (
    <figure>
      <svg viewBox="0 0 100 100" class="map" role="img" aria-label={`Map of ${m.mobs.length} mobs and ${m.points.length} videos`}>
        {m.points.map((p) => (
          <a key={p.videoId} href={`#/admin/videos/${p.videoId}`}>
            <circle cx={at(p.x)} cy={at(-p.y)} r="1.1" fill={colour.get(p.mobId)} />
          </a>
        ))}
        {m.mobs.map((mob) => (
          <a key={mob.mobId} href={`#/admin/mobs/${mob.mobId}`}>
            <text x={at(mob.x)} y={at(-mob.y) - 2} class="map-label" text-anchor="middle">{mob.label || "mob"} ({mob.size})</text>
          </a>
        ))}
      </svg>
      <figcaption class="muted">Principal components of the asset vectors ({m.space}){m.truncated ? "; the first videos only" : ""}.</figcaption>
    </figure>
  );
}

export function MobGallery({ mobs, admin }: { mobs?: Schemas["Mob"][] | undefined; admin?: boolean }) {
  if (!mobs) return <Loading what="mobs" />;
  if (!mobs.length) return <p class="muted">No mobs yet.</p>;
  return (
    <ul class="cards">
      {mobs.map((m) => (
        <li key={m.mobId}>
          <a href={`#/${admin ? "admin/" : ""}mobs/${m.mobId}`}>
            <div class="samples">{m.sampleThumbnails.slice(0, 3).map((t) => <img key={t} src={t} alt="" loading="lazy" />)}</div>
            <span class="title">{m.label || "unnamed mob"}</span>
          </a>
          <span class="muted">{m.size} videos</span>
        </li>
      ))}
    </ul>
  );
}

export function Costs() {
  const usage = useLive(() => must(api.GET("/api/admin/usage-stats", { params: { query: { groupBy: "model" } } })), 30_000);
  const budget = useLive(() => must(api.GET("/api/admin/budget")), POLL);
  const [scope, setScope] = useState("global");
  const [period, setPeriod] = useState<"hour" | "day" | "month">("day");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string>();
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await must(api.PUT("/api/admin/budget", { body: { limits: [{ scope, period, usd: Number(amount) }], reason } }));
      setMessage("Ceiling saved.");
      budget.reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <div>
      <h1>Costs and budget</h1>
      <ErrorLine error={usage.error ?? budget.error} />
      <Section title="Cost per day by model">{usage.data ? <CostChart series={usage.data.series} /> : <Loading what="usage" />}</Section>
      <Section title="Windows">
        <table>
          <thead><tr><th>scope</th><th>period</th><th>limit</th><th>spent</th><th>reserved</th><th>remaining</th></tr></thead>
          <tbody>
            {budget.data?.windows.map((w) => (
              <tr key={w.scope + w.period}>
                <td>{w.scope}</td><td>{w.period}</td><td class="num">{w.limitUsd !== undefined ? usd(w.limitUsd) : "none"}</td>
                <td class="num">{usd(w.spentUsd)}</td><td class="num">{usd(w.reservedUsd)}</td>
                <td class="num">{w.remainingUsd !== undefined ? usd(w.remainingUsd) : "∞"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Edit a ceiling">
        <form onSubmit={save} class="filters">
          <label>Scope <input name="scope" value={scope} onInput={(e) => setScope(e.currentTarget.value)} /></label>
          <label>Period <select name="period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as "hour" | "day" | "month")}>
            <option>hour</option><option>day</option><option>month</option></select></label>
          <label>USD <input name="usd" type="number" min="0" step="0.01" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} /></label>
          <label>Reason <input name="reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></label>
          <button type="submit">Save ceiling</button>
        </form>
        {message && <p role="status">{message}</p>}
      </Section>
      <Section title="Audit">
        <table class="audit">
          <thead><tr><th>when</th><th>who</th><th>scope</th><th>before</th><th>after</th><th>reason</th></tr></thead>
          <tbody>
            {budget.data?.recentChanges.map((c, i) => (
              <tr key={i}><td>{when(c.at)}</td><td>{c.actor}</td><td>{c.scope}/{c.period}</td>
                <td class="num">{c.beforeUsd ?? "none"}</td><td class="num">{c.afterUsd ?? "lifted"}</td><td>{c.reason}</td></tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}

const COLOURS = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#14b8a6"];

/** Stacked bars of cost per UTC day, one colour per model, drawn as SVG. */
export function CostChart({ series }: { series: Schemas["UsageBucket"][] }) {
  const days = [...new Set(series.map((b) => b.day ?? ""))].sort();
  const models = [...new Set(series.map((b) => b.key ?? "all"))];
  if (!days.length) return <p class="muted">No paid model calls in the last 30 days.</p>;
  const perDay = days.map((d) => series.filter((b) => b.day === d).reduce((sum, b) => sum + b.costUsd, 0));
  const max = Math.max(1e-9, ...perDay);
  const w = 600, h = 160, bw = w / days.length;
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h + 20}`} role="img" aria-label="Cost per day by model" class="chart">
        {days.map((d, i) => {
          let y = h;
          return models.map((m, j) => {
            const cost = series.find((b) => b.day === d && (b.key ?? "all") === m)?.costUsd ?? 0;
            const bh = (cost / max) * h;
            y -= bh;
            return <rect key={d + m} x={i * bw + 1} y={y} width={Math.max(1, bw - 2)} height={bh} fill={COLOURS[j % COLOURS.length]}><title>{`${d} ${m}: ${usd(cost)}`}</title></rect>;
          });
        })}
        <text x="0" y={h + 15} class="axis">{days[0]}</text>
        <text x={w} y={h + 15} text-anchor="end" class="axis">{days[days.length - 1]}</text>
      </svg>
      <figcaption>{models.map((m, j) => <span key={m} class="legend"><i style={{ background: COLOURS[j % COLOURS.length] }} />{m}</span>)}</figcaption>
    </figure>
  );
}

export function Campaign() {
  const campaign = useLive(() => must(api.GET("/api/admin/campaign")), null);
  const [message, setMessage] = useState<string>();
  const c = campaign.data;
  if (!c) return campaign.error ? <ErrorLine error={campaign.error} /> : <Loading what="the campaign" />;
  const save = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const list = (name: string) => String(form.get(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const weights = Object.fromEntries(Object.keys(c.weights).map((k) => [k, Number(form.get(`w-${k}`))]));
    try {
      await must(api.PUT("/api/admin/campaign", { body: { ...c, name: String(form.get("name")), description: String(form.get("description")), hashtags: list("hashtags"), keywords: list("keywords"), weights, threshold: Number(form.get("threshold")) } }));
      setMessage("Campaign saved.");
      campaign.reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <div>
      <h1>Campaign</h1>
      <form onSubmit={save} class="stack">
        <label>Name <input name="name" value={c.name} /></label>
        <label>Description <textarea name="description" rows={3} value={c.description} /></label>
        <label>Keywords <input name="keywords" value={c.keywords.join(", ")} /></label>
        <label>Hashtags <input name="hashtags" value={c.hashtags.join(", ")} /></label>
        {Object.entries(c.weights).map(([k, v]) => <label key={k}>Weight {k} <input name={`w-${k}`} type="number" step="0.01" min="0" max="1" value={v} /></label>)}
        <label>Threshold <input name="threshold" type="number" step="0.01" min="0" max="1" value={c.threshold} /></label>
        <button type="submit">Save campaign</button>
      </form>
      {message && <p role="status">{message}</p>}
      <Section title="References">
        <ul>{(c.references ?? []).map((r) => <li key={r}>{r}</li>)}</ul>
        <p class="muted">Model: {c.model}</p>
      </Section>
    </div>
  );
}
