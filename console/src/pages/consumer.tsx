// Consumer pages: the feed (endless by cursor), a mob, a video with similar videos, upload, search, my videos.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, claims, must, uploadFile, type Schemas, type VideoCard } from "../api";
import { useLive } from "../live";
import { Cards, DuplicateLinks, ErrorLine, Loading, Section, Status } from "../ui";
import { MobGallery, Player } from "./admin";

const toCard = (v: Schemas["Video"]): VideoCard => ({ ...v, durationSeconds: v.media?.durationSeconds });

/** Pages on by cursor whenever the sentinel under the list comes into view. */
function useEndless(load: (cursor?: string) => Promise<{ items: VideoCard[]; nextCursor?: string | undefined }>) {
  const [items, setItems] = useState<VideoCard[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const busy = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const more = async () => {
    if (busy.current || done) return;
    busy.current = true;
    try {
      const page = await load(cursor);
      setItems((old) => [...old, ...page.items]);
      setCursor(page.nextCursor);
      setDone(!page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      busy.current = false;
    }
  };
  useEffect(() => {
    const observer = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && more());
    if (sentinel.current) observer.observe(sentinel.current);
    return () => observer.disconnect();
  });
  return { items, done, error, sentinel };
}

export function Feed() {
  const feed = useEndless(async (cursor) => {
    const page = await must(api.GET("/api/videos/feed", { params: { query: { limit: 12, ...(cursor ? { cursor } : {}) } } }));
    return { items: page.items.map(toCard), nextCursor: page.nextCursor };
  });
  const mobs = useLive(() => must(api.GET("/api/mobs")), 30_000);
  return (
    <div>
      <h1>Feed</h1>
      <ErrorLine error={feed.error} />
      <Cards videos={feed.items} />
      <div ref={feed.sentinel} class="sentinel">{feed.done ? "" : "…"}</div>
      <Section title="Mobs"><MobGallery mobs={mobs.data?.mobs} /></Section>
    </div>
  );
}

export function MobPage({ mobId, admin }: { mobId: string; admin?: boolean }) {
  const mob = useLive(() => must(api.GET("/api/mobs/{mobId}", { params: { path: { mobId }, query: { limit: 48 } } })), 10_000, [mobId]);
  if (!mob.data) return mob.error ? <ErrorLine error={mob.error} /> : <Loading what="the mob" />;
  return (
    <div>
      <h1>Mob: {mob.data.mob.label || "unnamed"}</h1>
      <p class="muted">{mob.data.mob.size} videos</p>
      {admin && <RenameMob mobId={mobId} current={mob.data.mob.name ?? ""} onRenamed={mob.reload} />}
      <Cards admin={admin ?? false} videos={mob.data.members.items.map(toCard)} />
    </div>
  );
}

/** An admin names the mob; the name replaces the computed label everywhere and survives re-clustering. */
function RenameMob({ mobId, current, onRenamed }: { mobId: string; current: string; onRenamed: () => void }) {
  const [name, setName] = useState(current);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const renamed = await must(api.PUT("/api/admin/mobs/{mobId}/name", { params: { path: { mobId } }, body: { name } }));
      setMessage(`Named "${renamed.label}"`);
      onRenamed();
    } catch (err) {
      setMessage(undefined);
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={save} class="filters">
      <label>Name <input name="mob-name" maxLength={80} required value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <button type="submit">Rename</button>
      {message && <span role="status">{message}</span>}
      <ErrorLine error={error} />
    </form>
  );
}

export function VideoPage({ videoId }: { videoId: string }) {
  const video = useLive(() => must(api.GET("/api/videos/{videoId}", { params: { path: { videoId } } })), 3000, [videoId]);
  const similar = useLive(() => must(api.GET("/api/search/similar", { params: { query: { videoId, limit: 8 } } })), null, [videoId]);
  const v = video.data;
  if (!v) return video.error ? <ErrorLine error={video.error} /> : <Loading what="the video" />;
  return (
    <div>
      <h1>{v.title} <Status status={v.status} /></h1>
      <Player video={v} />
      <p>{v.description}</p>
      <p class="muted">{v.hashtags.map((h) => `#${h}`).join(" ")}</p>
      {v.mobId && <p><a href={`#/mobs/${v.mobId}`}>Open its mob</a></p>}
      <DuplicateLinks video={v} base="#/videos/" />
      {v.failure && <p class="error">{v.failure.detail}</p>}
      <Section title="Similar videos">
        <ErrorLine error={similar.error} />
        {similar.data ? (
          <ul class="results">
            {similar.data.items.map((r) => (
              <li key={r.video.videoId}>
                <a href={`#/videos/${r.video.videoId}`}>{r.video.title}</a> <span class="muted">{(r.score * 100).toFixed(0)} %</span>
                {r.moments.length > 0 && <span class="muted"> · moments {r.moments.map((m) => `${m.startSeconds.toFixed(0)}–${m.endSeconds.toFixed(0)} s`).join(", ")}</span>}
              </li>
            ))}
          </ul>
        ) : <Loading what="similar videos" />}
      </Section>
    </div>
  );
}

const FINAL = ["VALIDATED", "REJECTED", "IN_REVIEW", "FAILED"];

export function Upload() {
  const [phase, setPhase] = useState<"form" | "uploading" | "watching">("form");
  const [share, setShare] = useState(0);
  const [error, setError] = useState<string>();
  const [videoId, setVideoId] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a video file.");
    try {
      const hashtags = String(form.get("hashtags") ?? "").split(/[\s,]+/).filter(Boolean);
      const submitted = await must(api.POST("/api/videos/submit", { body: { title: String(form.get("title")), description: String(form.get("description") ?? ""), hashtags } }));
      setPhase("uploading");
      await uploadFile(submitted.upload, file, setShare);
      await must(api.POST("/api/videos/{videoId}/complete", { params: { path: { videoId: submitted.videoId } } }));
      setVideoId(submitted.videoId);
      setPhase("watching");
    } catch (err) {
      setError((err as Error).message);
      setPhase("form");
    }
  };
  return (
    <div>
      <h1>Upload a video</h1>
      <ErrorLine error={error} />
      {phase === "form" && (
        <form onSubmit={submit} class="stack">
          <label>Title <input name="title" required maxLength={200} /></label>
          <label>Description <textarea name="description" rows={2} /></label>
          <label>Hashtags <input name="hashtags" placeholder="#milkmob #slowmo" /></label>
          <label>File <input name="file" type="file" accept="video/*" required /></label>
          <button type="submit">Upload</button>
        </form>
      )}
      {phase === "uploading" && <p><progress max={1} value={share} aria-label="Upload progress" /> {Math.round(share * 100)} %</p>}
      {phase === "watching" && videoId && <UploadStatus videoId={videoId} />}
    </div>
  );
}

function UploadStatus({ videoId }: { videoId: string }) {
  const [final, setFinal] = useState(false);
  const video = useLive(() => must(api.GET("/api/videos/{videoId}", { params: { path: { videoId } } })), final ? null : 1000, [videoId, final]);
  const v = video.data;
  useEffect(() => { if (v && FINAL.includes(v.status)) setFinal(true); }, [v?.status]);
  if (!v) return <Loading what="its status" />;
  return (
    <div aria-live="polite">
      <p>Status: <Status status={v.status} /> {v.progress && `(${v.progress.completedSteps}/${v.progress.totalSteps} steps)`}</p>
      {v.status === "REJECTED" && <p data-testid="reason">Not accepted: score {v.validation?.score.toFixed(2)} below {v.validation?.threshold.toFixed(2)}.</p>}
      {v.status === "IN_REVIEW" && <p data-testid="reason">Waiting for a person: the analysis could not tell whether it takes part in the campaign.</p>}
      {v.failure && <p class="error" data-testid="reason">{v.failure.detail}</p>}
      {FINAL.includes(v.status) && <p data-testid="final"><a href={`#/videos/${videoId}`}>Open the video</a></p>}
    </div>
  );
}

export function Search() {
  const [results, setResults] = useState<Schemas["SearchResults"]>();
  const [error, setError] = useState<string>();
  const run = async (call: () => Promise<Schemas["SearchResults"]>) => {
    setError(undefined);
    try {
      setResults(await call());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const byText = (e: Event) => {
    e.preventDefault();
    const query = String(new FormData(e.currentTarget as HTMLFormElement).get("query"));
    run(() => must(api.POST("/api/search/videos", { body: { query } })));
  };
  const byFile = (kind: "image" | "audio") => (e: Event) => {
    e.preventDefault();
    const body = new FormData(e.currentTarget as HTMLFormElement);
    run(async () => {
      const response = await fetch(`/api/search/videos/by-${kind}`, { method: "POST", body, headers: { Authorization: `Bearer ${localStorage.getItem("milkmobs.token")}` } });
      const json = await response.json();
      if (!response.ok) throw new Error(json.detail ?? `HTTP ${response.status}`);
      if (response.status === 202) throw new Error("The clip is still being embedded; try again in a few seconds.");
      return json as Schemas["SearchResults"];
    });
  };
  return (
    <div>
      <h1>Search</h1>
      <form onSubmit={byText} class="filters" role="search">
        <label>Text <input name="query" required /></label>
        <button type="submit">Search</button>
      </form>
      <form onSubmit={byFile("image")} class="filters">
        <label>Image <input name="image" type="file" accept="image/*" required /></label>
        <button type="submit">Search by image</button>
      </form>
      <form onSubmit={byFile("audio")} class="filters">
        <label>Audio <input name="audio" type="file" accept="audio/*,video/*" required /></label>
        <button type="submit">Search by audio</button>
      </form>
      <ErrorLine error={error} />
      {results && (
        <Section title="Results">
          <p class="muted">{results.mode}{results.note ? `: ${results.note}` : ""}</p>
          <ul class="results" data-testid="results">
            {results.items.map((r) => (
              <li key={r.video.videoId}>
                <a href={`#/videos/${r.video.videoId}`}>{r.video.title}</a> <span class="muted">{(r.score * 100).toFixed(0)} %</span>
                {r.snippet && <span class="muted"> · {r.snippet.text}</span>}
              </li>
            ))}
          </ul>
          {!results.items.length && <p class="muted">Nothing found.</p>}
        </Section>
      )}
    </div>
  );
}

export function MyVideos() {
  const userId = claims().sub ?? "";
  const mine = useLive(() => must(api.GET("/api/videos/user", { params: { query: { userId, limit: 60 } } })), 5000);
  return (
    <div>
      <h1>My videos</h1>
      <ErrorLine error={mine.error} />
      {mine.data ? <Cards videos={mine.data.items.map(toCard)} /> : <Loading what="your videos" />}
    </div>
  );
}
