// The console's shell: sign-in, navigation and the hash routes (a reload keeps the page: the server only serves /).
import { render } from "preact";
import { useState } from "preact/hooks";
import { claims, isAdmin, signIn, signOut, token } from "./api";
import { useRoute } from "./live";
import { AdminVideo, AdminVideos, Campaign, Costs, Mobs, NearDuplicates, Overview, Pipeline, Reviews } from "./pages/admin";
import { Feed, MobPage, MyVideos, Search, Upload, VideoPage } from "./pages/consumer";

const ADMIN_NAV: [string, string][] = [["#/admin", "Overview"], ["#/admin/pipeline", "Pipeline"], ["#/admin/videos", "Videos"], ["#/admin/reviews", "Review"], ["#/admin/near-duplicates", "Near-duplicates"], ["#/admin/mobs", "Mobs"], ["#/admin/costs", "Costs"], ["#/admin/campaign", "Campaign"]];
const CONSUMER_NAV: [string, string][] = [["#/feed", "Feed"], ["#/upload", "Upload"], ["#/search", "Search"], ["#/mine", "My videos"]];

function SignIn({ next }: { next: string }) {
  const [value, setValue] = useState("");
  const go = (e: Event) => {
    e.preventDefault();
    signIn(value);
    location.hash = next || (isAdmin() ? "#/admin" : "#/feed");
  };
  return (
    <form onSubmit={go} class="stack signin">
      <h1>Sign in</h1>
      <p>Paste a bearer token from your identity provider (for local development: <code>./mm tokens</code>).</p>
      <label>Token <textarea name="token" rows={4} required value={value} onInput={(e) => setValue(e.currentTarget.value)} /></label>
      <button type="submit">Sign in</button>
    </form>
  );
}

function Page({ parts }: { parts: string[] }) {
  const [a, b, c] = parts;
  if (a === "admin") {
    if (!isAdmin()) return <p class="error">This page is for admins.</p>;
    if (!b) return <Overview />;
    if (b === "pipeline") return <Pipeline />;
    if (b === "videos") return c ? <AdminVideo videoId={c} /> : <AdminVideos />;
    if (b === "mobs") return c ? <MobPage mobId={c} admin /> : <Mobs />;
    if (b === "reviews") return <Reviews />;
    if (b === "near-duplicates") return <NearDuplicates />;
    if (b === "costs") return <Costs />;
    if (b === "campaign") return <Campaign />;
  }
  if (a === "feed" || !a) return <Feed />;
  if (a === "mobs" && b) return <MobPage mobId={b} />;
  if (a === "videos" && b) return <VideoPage videoId={b} />;
  if (a === "upload") return <Upload />;
  if (a === "search") return <Search />;
  if (a === "mine") return <MyVideos />;
  return <p>No such page. <a href="#/">Home</a></p>;
}

function App() {
  const { parts, query } = useRoute();
  if (parts[0] === "signin") {
    const given = query.get("token");
    if (given) {
      // the one-click dev link: #/signin?token=…; the token leaves the address bar at once
      signIn(given);
      location.replace(`#${query.get("next") ?? (isAdmin() ? "/admin" : "/feed")}`);
      return null;
    }
    return <SignIn next={query.get("next") ?? ""} />;
  }
  if (!token()) {
    location.replace(`#/signin?next=${encodeURIComponent(location.hash.slice(1) || "/")}`);
    return null;
  }
  const here = `#/${parts.join("/")}`;
  const nav = isAdmin() ? [...ADMIN_NAV, ...CONSUMER_NAV] : CONSUMER_NAV;
  return (
    <div class="shell">
      <header>
        <a class="brand" href={isAdmin() ? "#/admin" : "#/feed"}>Milk Mobs</a>
        <nav aria-label="Main">
          {nav.map(([href, label]) => <a key={href} href={href} aria-current={here === href ? "page" : undefined}>{label}</a>)}
        </nav>
        <span class="who">{claims().sub} <button onClick={() => { signOut(); location.hash = "#/signin"; }}>Sign out</button></span>
      </header>
      <main><Page parts={parts} /></main>
    </div>
  );
}

render(<App />, document.getElementById("app")!);
