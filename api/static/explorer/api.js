// Calls to the Gazette API, on the origin that served the page. URLs are relative to the page,
// so the explorer also works behind a path prefix.

const KEY_STORAGE = "gazette.apiKey";

/** An answer other than 2xx; `problem` is the RFC 9457 body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The key to send, if the user gave one (reads are open unless the API requires keys). */
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** GET a JSON document; parameters that are null, undefined or "" are left out. */
export async function get(path, params = {}, accept = "application/json") {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  const headers = { Accept: accept };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  const response = await fetch(url, { headers });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document (a proxy's error page, say): the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return response.json();
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
