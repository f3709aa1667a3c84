// Small shared pieces: errors in words, gauges, bars, video cards, a status badge and links to what a video duplicates.
import type { ComponentChildren } from "preact";
import type { Schemas, VideoCard } from "./api";

export function ErrorLine({ error }: { error?: string | undefined }) {
  return error ? <p class="error" role="alert">{error}</p> : null;
}

export function Loading({ what }: { what: string }) {
  return <p class="muted" aria-busy="true">Loading {what}…</p>;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Status({ status }: { status: string }) {
  return <span class={`status status-${status.toLowerCase()}`}>{status}</span>;
}

/** A share of a ceiling as a horizontal gauge; red once past 90 %. */
export function Gauge({ label, value, limit }: { label: string; value: number; limit?: number | undefined }) {
  const share = limit ? Math.min(1, value / limit) : 0;
  return (
    <div class="gauge" role="meter" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={limit ?? value}>
      <div class="gauge-label">
        {label}: <strong>${value.toFixed(2)}</strong> {limit !== undefined ? `of $${limit.toFixed(2)}` : "(no ceiling)"}
      </div>
      <div class="gauge-track">
        <div class={share > 0.9 ? "gauge-fill hot" : "gauge-fill"} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function Bars({ rows, format }: { rows: [string, number][]; format?: (n: number) => string }) {
  const max = Math.max(1e-9, ...rows.map(([, v]) => Math.abs(v)));
  return (
    <table class="bars">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>
              <div class="bar" style={{ width: `${(Math.abs(value) / max) * 100}%` }} />
            </td>
            <td class="num">{format ? format(value) : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Cards({ videos, admin }: { videos: VideoCard[]; admin?: boolean }) {
  if (videos.length === 0) return <p class="muted">No videos yet.</p>;
  return (
    <ul class="cards">
      {videos.map((v) => (
        <li key={v.videoId}>
          <a href={admin ? `#/admin/videos/${v.videoId}` : `#/videos/${v.videoId}`}>
            {v.thumbnailUrl ? <img src={v.thumbnailUrl} alt="" loading="lazy" /> : <div class="noimg" />}
            <span class="title">{v.title}</span>
          </a>
          <Status status={v.status} />
        </li>
      ))}
    </ul>
  );
}

export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : "");
export const usd = (n: number) => `$${n.toFixed(2)}`;

/** The earlier video this one copies (the same file) or re-edits (a near-duplicate), if any (ADR 0026). */
export function DuplicateLinks({ video, base }: { video: Schemas["Video"]; base: string }) {
  return (
    <>
      {video.duplicateOf && <p data-testid="duplicate-of">The same file as <a href={`${base}${video.duplicateOf}`}>an earlier upload</a>.</p>}
      {video.nearDuplicateOf && <p data-testid="near-duplicate-of">A re-upload or re-edit of <a href={`${base}${video.nearDuplicateOf}`}>an earlier video</a>.</p>}
    </>
  );
}
