// The console's one way to the server: the client generated from openapi.yaml (src/generated/api.ts, remade on every
// build), with the caller's bearer token, 429 answered by waiting Retry-After, and 401 sending the user to sign in.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api";
import { retryAfterSeconds } from "./logic";

export type Schemas = components["schemas"];
export type Video = Schemas["Video"];
export type VideoCard = Schemas["VideoCard"];
export type Problem = Schemas["Problem"];

const TOKEN_KEY = "milkmobs.token";

export function token(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function signIn(jwt: string): void {
  localStorage.setItem(TOKEN_KEY, jwt.trim());
}

export function signOut(): void {
  localStorage.removeItem(TOKEN_KEY);
}

interface Claims {
  sub?: string;
  groups?: string[];
  exp?: number;
}

/** What the token says about its bearer; the server checks it, the console only uses it to choose pages. */
export function claims(): Claims {
  const jwt = token();
  if (!jwt) return {};
  try {
    const payload = jwt.split(".")[1] ?? "";
    return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Claims;
  } catch {
    return {};
  }
}

export const isAdmin = (): boolean => (claims().groups ?? []).includes("admin");

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function authorizedFetch(request: Request): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const sent = request.clone();
    const jwt = token();
    if (jwt) sent.headers.set("Authorization", `Bearer ${jwt}`);
    const response = await fetch(sent);
    if (response.status === 401) {
      signOut();
      location.hash = "#/signin";
    }
    if (response.status !== 429 || attempt >= 3) return response;
    await sleep(retryAfterSeconds(response.headers.get("Retry-After")) * 1000);
  }
}

export const api = createClient<paths>({ baseUrl: location.origin, fetch: authorizedFetch });

/** The problem's detail in words, for any error body the server or the network gave. */
export function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const problem = error as Partial<Problem>;
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
    if (problem.detail) return fields ? `${problem.detail} (${fields})` : problem.detail;
    if (problem.title) return problem.title;
  }
  if (error instanceof Error) return error.message;
  return "the server did not answer as expected";
}

/** The data of a generated call, or an Error carrying the problem's detail. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    throw new Error(error !== undefined ? describe(error) : `HTTP ${response.status}`);
  }
  return data;
}

/** Sends a file to a signed upload URL with its headers, reporting the share sent (XHR: fetch has no upload progress). */
export function uploadFile(upload: Schemas["UploadInstructions"], file: Blob, onProgress: (share: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(uploadProblem(xhr))));
    xhr.onerror = () => reject(new Error("the upload was interrupted"));
    xhr.send(file);
  });
}

function uploadProblem(xhr: XMLHttpRequest): string {
  try {
    return describe(JSON.parse(xhr.responseText));
  } catch {
    return `the upload failed (HTTP ${xhr.status})`;
  }
}
