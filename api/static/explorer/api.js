// Calls to the Gazette API, on the origin that served the page. URLs are relative to the page,
// so the explorer also works behind a path prefix.

const KEY_STORAGE = "gazette.apiKey";

/** An answer other than 2xx; `problem` is the RFC 9457 body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(readable(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

/** A problem document as one sentence: its detail (or title) and each field's message. */
function readable(status, problem) {
  const head = problem?.detail || problem?.title || `HTTP ${status}`;
  const fields = (problem?.errors ?? []).map((error) => `${error.name}: ${error.message}`);
  return fields.length ? `${head} (${fields.join("; ")})` : head;
}

/** The key to send, if the user gave one (reads are open unless the API requires keys). */
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** The URL of `path` with `params`; null, undefined and "" are left out, arrays repeat the name. */
export function apiUrl(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== null && one !== undefined && one !== "") url.searchParams.append(name, one);
    }
  }
  return url;
}

/** The raw response of a request; an answer other than 2xx throws an ApiError. */
export async function request(method, path, { params = {}, body, etag, accept = "application/json" } = {}) {
  const headers = { Accept: accept };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (etag) headers["If-Match"] = etag;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(apiUrl(path, params), {
    method,
    cache: "no-cache", // always ask (an ETag makes it cheap): a page reloaded after a save is current
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document (a proxy's error page, say): the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** GET a JSON document; parameters that are null, undefined or "" are left out. */
export async function get(path, params = {}, accept = "application/json") {
  return (await request("GET", path, { params, accept })).json();
}

/** GET an entity and its ETag (what a PATCH sends back as If-Match). */
export async function getEntity(path) {
  const response = await request("GET", path);
  return { entity: await response.json(), etag: response.headers.get("ETag") };
}

/** PATCH or POST a JSON body with If-Match; resolves to the JSON answer. */
export async function send(method, path, body, etag) {
  return (await request(method, path, { body, etag })).json();
}

/** Every page of a list, following `next_cursor`, up to `maxPages` pages. */
export async function getAll(path, params = {}, { maxPages = 5, accept, items = "data" } = {}) {
  const all = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const body = await get(path, { ...params, cursor }, accept);
    all.push(...body[items]);
    cursor = body.next_cursor;
    if (!cursor) return { items: all, complete: true };
  }
  return { items: all, complete: false };
}
