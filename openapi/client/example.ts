// A small Gazette client on `fetch`, typed by gazette.d.ts (generated from openapi.json by
// `make client`). It runs in browsers and in Node 18+; `tsc --noEmit` checks it in CI, so a
// change of the contract that breaks this code breaks the build.

import type { components, operations } from "./gazette";

type Schemas = components["schemas"];
export type Article = Schemas["Article"];
export type ArticleIn = Schemas["ArticleIn"];
export type Quote = Schemas["Quote"];
export type Problem = Schemas["Problem"];

// Types of whole operations, straight from the spec: a new query parameter or a changed
// response shows up here without touching this file.
export type QuoteQuery = NonNullable<operations["listQuotes"]["parameters"]["query"]>;
export type QuotePage = operations["listQuotes"]["responses"][200]["content"]["application/json"];

/** An error answered as an RFC 9457 problem document (application/problem+json). */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
    this.name = "ProblemError";
  }
}

type Value = string | number | boolean;
// A list filter (kind, stance…) takes several values: the parameter is repeated.
type Query = Record<string, Value | readonly Value[] | null | undefined>;

export class GazetteClient {
  constructor(
    private readonly baseUrl: string,
    // Writes need a key (`gazette keys create`); reads go without one unless the server says so.
    private readonly apiKey?: string,
  ) {}

  /** One page of quotes, newest first; pass `next_cursor` back as `cursor` for the next. */
  listQuotes(query: QuoteQuery = {}): Promise<QuotePage> {
    return this.call<QuotePage>("GET", "/v1/quotes", { query });
  }

  /** Every quote that matches, page after page. */
  async *allQuotes(query: QuoteQuery = {}): AsyncGenerator<Quote> {
    let cursor: string | undefined = query.cursor;
    do {
      const page = await this.listQuotes(cursor === undefined ? query : { ...query, cursor });
      yield* page.data;
      cursor = page.next_cursor ?? undefined; // a filter is left out, never sent as null
    } while (cursor !== undefined);
  }

  /** The article with its actors, quotes, claims and places. */
  getArticle(articleId: string): Promise<Article> {
    return this.call<Article>("GET", `/v1/articles/${encodeURIComponent(articleId)}`);
  }

  /**
   * Ingest an article. `created` is false when the same url or body was stored before (200).
   * Retrying with the same `idempotencyKey` never stores it twice.
   */
  async createArticle(
    article: ArticleIn,
    idempotencyKey: string = crypto.randomUUID(),
  ): Promise<{ article: Article; created: boolean }> {
    const response = await this.send("POST", "/v1/articles", {
      body: article,
      headers: { "Idempotency-Key": idempotencyKey },
    });
    const created: Article = (await response.json()) as Article;
    return { article: created, created: response.status === 201 };
  }

  private async call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) {
        url.searchParams.append(name, String(one));
      }
    }
    const headers = new Headers({ Accept: "application/json", ...options.headers });
    if (this.apiKey !== undefined) headers.set("Authorization", `Bearer ${this.apiKey}`);
    let body: string | null = null;
    if (options.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.body);
    }
    const response = await fetch(url, { method, headers, body });
    if (response.ok) return response;
    if (response.headers.get("Content-Type")?.startsWith("application/problem+json")) {
      const retryAfter = response.headers.get("Retry-After");
      throw new ProblemError(
        (await response.json()) as Problem,
        retryAfter === null ? null : Number(retryAfter),
      );
    }
    throw new Error(`${method} ${url.pathname}: HTTP ${response.status}`);
  }
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a frontend does with these: every call, every kind of failure handled. */
export async function demo(client: GazetteClient, log: (line: string) => void): Promise<void> {
  try {
    const { article, created } = await client.createArticle({
      title: "Siversk: the governor and the army disagree",
      body:
        "Russian forces have captured Siversk, the regional governor Ivan Sorokin said.\n" +
        "Oleh Kovalenko, a spokesman for the army, denied that Siversk had fallen.",
      source: "Example Daily",
      published_at: "2025-12-02T09:00:00Z",
    });
    log(`${created ? "stored" : "already stored"} ${article.id}`);

    const annotated = await client.getArticle(article.id);
    for (const quote of annotated.quotes) {
      // offsets are Unicode code points: index an array of them, not the UTF-16 string
      const said = [...annotated.body].slice(quote.start, quote.end).join("");
      log(`${quote.speaker?.name ?? "someone"} (${quote.kind}): ${said}`);
    }

    let count = 0;
    for await (const quote of client.allQuotes({ article: article.id, limit: 50 })) {
      count += 1;
      log(`quote ${quote.id} at ${quote.start}-${quote.end}`);
    }
    log(`${count} quotes in all`);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const { problem } = error;
    if (problem.status === 401) log("this needs an API key: Authorization: Bearer <key>");
    for (const item of problem.errors ?? []) {
      log(`${item.source} ${item.name}: ${item.message}`);
    }
    if (error.retryAfterSeconds !== null) log(`retry in ${error.retryAfterSeconds} s`);
    log(error.message);
  }
}
