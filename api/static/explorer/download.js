// Downloads of a whole list as the page filters it: GeoJSON from the API's `all=true` stream,
// CSV made here from the NDJSON stream (one object a line, read as it arrives, nested fields
// flattened to "speaker.name" columns). Saved through a Blob URL, nothing leaves this origin.

import { request } from "./api.js";
import { h } from "./dom.js";

const NDJSON = "application/x-ndjson";

/** {a: {b: 1}, c: [1, 2]} -> {"a.b": 1, c: "1; 2"}; lists of objects stay JSON. */
function flatten(value, prefix = "", into = {}) {
  for (const [name, field] of Object.entries(value)) {
    const column = prefix ? `${prefix}.${name}` : name;
    if (field !== null && typeof field === "object" && !Array.isArray(field)) flatten(field, column, into);
    else if (Array.isArray(field)) into[column] = field.every((x) => typeof x !== "object") ? field.join("; ") : JSON.stringify(field);
    else into[column] = field;
  }
  return into;
}

/** One CSV cell; text a spreadsheet would run as a formula (=, +, -, @) gets a leading '. */
function cell(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every row of the NDJSON answer, parsed line by line as the stream arrives. */
async function rowsOf(response) {
  const rows = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = (rest + value).split("\n");
    rest = lines.pop();
    for (const line of lines) if (line.trim()) rows.push(flatten(JSON.parse(line)));
  }
  if (rest.trim()) rows.push(flatten(JSON.parse(rest)));
  return rows;
}

export function toCsv(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.map(cell).join(","), ...rows.map((row) => columns.map((column) => cell(row[column])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const anchor = h("a", { href: url, download: filename, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // after the browser has taken the file
}

function button(text, status, work) {
  const control = h("button", { type: "button" }, text);
  control.addEventListener("click", async () => {
    control.disabled = true;
    status.textContent = "Preparing the file…";
    try {
      status.textContent = await work();
    } catch (error) {
      status.textContent = `Could not download: ${error.message}`;
    } finally {
      control.disabled = false;
    }
  });
  return control;
}

/** "Download CSV" (and "Download GeoJSON" where the list has a map form) for `v1/<name>`. */
export function downloadButtons(name, params, geojsonPath) {
  const status = h("span", { class: "meta", role: "status" });
  const stamp = new Date().toISOString().slice(0, 10);
  const csv = button("Download CSV", status, async () => {
    const rows = await rowsOf(await request("GET", `v1/${name}`, { params, accept: NDJSON }));
    save(new Blob([toCsv(rows)], { type: "text/csv" }), `gazette-${name}-${stamp}.csv`);
    return `${rows.length} rows saved as CSV.`;
  });
  const geojson =
    geojsonPath &&
    button("Download GeoJSON", status, async () => {
      const response = await request("GET", geojsonPath, { params: { ...params, all: true }, accept: "application/geo+json" });
      save(await response.blob(), `gazette-${name}-${stamp}.geojson`);
      return "Saved as GeoJSON.";
    });
  return h("div", { class: "downloads" }, csv, geojson, status);
}
