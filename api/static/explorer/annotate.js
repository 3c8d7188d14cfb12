// The article body with its annotations: quotes marked in their speaker's colour, actor and
// place mentions linked, claim evidence underlined.
//
// Offsets from the API count Unicode code points; JavaScript strings count UTF-16 units, so
// the body is split into code points first (an emoji or a rare CJK character before a quote
// would otherwise shift every highlight after it).

import { h, link } from "./dom.js";

const PALETTE_SIZE = 8;

/** Speakers in order of their first quote, each with a colour class; unattributed last. */
export function speakers(quotes) {
  const seen = new Map();
  let unattributed = 0;
  for (const quote of [...quotes].sort((a, b) => a.start - b.start)) {
    if (!quote.speaker) {
      unattributed += 1;
      continue;
    }
    const known = seen.get(quote.speaker.id);
    if (known) known.count += 1;
    else {
      const tone = `speaker-${seen.size % PALETTE_SIZE}`;
      seen.set(quote.speaker.id, { ...quote.speaker, tone, count: 1 });
    }
  }
  const list = [...seen.values()];
  if (unattributed) list.push({ id: null, name: "unattributed", tone: "speaker-none", count: unattributed });
  return list;
}

export function toneOf(quote, speakerList) {
  const id = quote.speaker?.id ?? null;
  return speakerList.find((speaker) => speaker.id === id)?.tone ?? "speaker-none";
}

/**
 * Cut [0, length) at every span boundary; each piece lists the spans that cover it whole.
 * Spans outside the body or empty are ignored.
 */
export function pieces(length, spans) {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= length && span.start < span.end);
  const cuts = new Set([0, length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    result.push({ start, end, spans: valid.filter((span) => span.start <= start && span.end >= end) });
  }
  return result;
}

/** Every span of the article, tagged with what it is. */
function spansOf(article) {
  const spans = [];
  for (const quote of article.quotes) spans.push({ kind: "quote", start: quote.start, end: quote.end, quote });
  for (const claim of article.claims) {
    spans.push({ kind: "claim", start: claim.evidence.start, end: claim.evidence.end, claim });
  }
  for (const actor of article.actors) {
    for (const mention of actor.mentions) spans.push({ kind: "actor", ...mention, actor });
  }
  for (const place of article.places) {
    for (const mention of place.mentions) spans.push({ kind: "place", ...mention, place });
  }
  return spans;
}

function quoteTitle(quote) {
  const who = quote.speaker?.name ?? quote.speaker_text ?? "unattributed";
  return `${who} (${quote.kind} quote${quote.cue ? `, “${quote.cue}”` : ""})`;
}

function claimTitle(claim) {
  const place = claim.place?.name ?? claim.place_text;
  const holder = claim.controller?.name ?? claim.controller_text ?? "someone";
  return `Claim (${claim.stance}, ${claim.type}${claim.wrong ? ", marked wrong" : ""}): ${holder} — ${place}`;
}

/** The body as DOM nodes, for a container with `white-space: pre-wrap`. */
export function annotatedBody(article, speakerList) {
  const chars = Array.from(article.body);
  const nodes = [];
  for (const piece of pieces(chars.length, spansOf(article))) {
    let node = document.createTextNode(chars.slice(piece.start, piece.end).join(""));
    const mention = piece.spans.find((span) => span.kind === "actor") ?? piece.spans.find((span) => span.kind === "place");
    if (mention?.kind === "actor") {
      node = link("actors", mention.actor.id, node);
      node.className = "mention mention-actor";
      node.title = `${mention.actor.name} (${mention.actor.kind})`;
    } else if (mention?.kind === "place") {
      node = link("places", mention.place.id, node);
      node.className = "mention mention-place";
      node.title = `${mention.place.name} (${mention.place.kind}, ${mention.place.country_code})`;
    }
    const claims = piece.spans.filter((span) => span.kind === "claim");
    if (claims.length) {
      node = h("span", { class: "evidence", title: claims.map((span) => claimTitle(span.claim)).join("\n") }, node);
    }
    // the innermost quote wins where quotes nest (a quote within a quote)
    const quote = piece.spans.filter((span) => span.kind === "quote").sort((a, b) => b.start - a.start)[0];
    if (quote) {
      node = h(
        "mark",
        { class: `quote ${toneOf(quote.quote, speakerList)}`, dataset: { quote: quote.quote.id }, title: quoteTitle(quote.quote) },
        node,
      );
    }
    nodes.push(node);
  }
  return nodes;
}
