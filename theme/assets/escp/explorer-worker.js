/*
 * The explorer's worker: loads the facet values and the prebuilt lunr index off the page's main
 * thread, and answers each query with the partnerships to show, in order, and the facet counts.
 *
 * Messages from the page:
 *   {type: "load", facets: url, index: url, lunr: url}
 *   {type: "query", id, text, selected: {facetName: [value, …]}}
 * Messages to the page:
 *   {type: "facets", facets: [{name, values}]}   the facet values are loaded: filters work
 *   {type: "index"}                                the search index is loaded: searches work
 *   {type: "result", id, order: Int32Array, counts: {facetName: Int32Array}}
 *   {type: "error", stage: "facets" | "index", message}
 * A query with words waits for the index; a newer query replaces a waiting one. The index is loaded
 * after the first answer (or the first query with words), not with the facets.
 */
"use strict";

let facetData = null; /* {facets: [{name, values}], docs: [[option indexes per facet] per partnership]} */
let search = null; /* text → Map(ref → score), or null when the text has no words */
let countries = {};
let waiting = null; /* the latest query that needs the index, until it is loaded */
let lastSearch = { text: null, matches: null }; /* a filter change keeps the search's matches */

/* Text as the index holds it: no diacritics, lower case, split like lunr's tokenizer, trimmed of
   non-word characters at both ends (Unicode-aware, as lunr.py's trimmer). */
function words(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[\s-]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, ""))
    .filter(Boolean);
}

/* lunr's serialised index, rebuilt from the packed form written by generator/explorer/index.py:
   terms in lunr's numbering, field vectors with delta-encoded term numbers. */
function unpackIndex(packed) {
  const postings = packed.terms.map((term, index) => {
    const posting = { _index: index };
    packed.fields.forEach((field) => {
      posting[field] = {};
    });
    return [term, posting];
  });
  const fieldVectors = [];
  packed.fields.forEach((field, fieldIndex) => {
    packed.vectors[fieldIndex].forEach((vector, ref) => {
      const elements = [];
      let term = 0;
      for (let position = 0; position < vector.length; position += 2) {
        term += vector[position];
        elements.push(term, vector[position + 1]);
        postings[term][1][field][ref] = {};
      }
      fieldVectors.push([field + "/" + ref, elements]);
    });
  });
  postings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); /* lunr's token set wants sorted terms */
  return lunr.Index.load({
    version: packed.version,
    fields: packed.fields,
    fieldVectors: fieldVectors,
    invertedIndex: postings,
    pipeline: packed.pipeline,
  });
}

function scores(results) {
  return new Map(results.map((result) => [Number(result.ref), result.score]));
}

function union(first, second) {
  const merged = new Map(first);
  second.forEach((score, ref) => merged.set(ref, (merged.get(ref) || 0) + score));
  return merged;
}

function intersection(first, second) {
  const common = new Map();
  first.forEach((score, ref) => {
    if (second.has(ref)) common.set(ref, score + second.get(ref));
  });
  return common;
}

function createSearch(index) {
  /* A word matches as a whole (stemmed) or as the beginning of a longer word. */
  function wordMatches(word) {
    return scores(
      index.query((query) => {
        query.term(word, { usePipeline: true });
        query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      }),
    );
  }

  /* Country codes are not in the index ("no", "it", "be" are stop words): a code finds its name. */
  function countryMatches(word) {
    const code = word.toUpperCase();
    if (word.length !== 2 || !Object.prototype.hasOwnProperty.call(countries, code)) return null;
    const required = { presence: lunr.Query.presence.REQUIRED };
    const nameWords = words(countries[code]).filter((nameWord) => lunr.stopWordFilter(nameWord));
    return scores(index.query((query) => nameWords.forEach((nameWord) => query.term(nameWord, required))));
  }

  /* Every word must match (stop words that are not country codes are ignored); null: no words. */
  return function (text) {
    let matches = null;
    words(text).forEach((word) => {
      const country = countryMatches(word);
      const isStopWord = !lunr.stopWordFilter(word);
      if (isStopWord && country === null) return;
      let found = isStopWord ? new Map() : wordMatches(word);
      if (country !== null) found = union(found, country);
      matches = matches === null ? found : intersection(matches, found);
    });
    return matches;
  };
}

function matchesOf(text) {
  if (lastSearch.text !== text) lastSearch = { text: text, matches: search(text) };
  return lastSearch.matches;
}

/* The partnerships that pass every facet, and per facet the count of each value among the
   partnerships that pass all the other facets (so a count says what ticking the value gives).
   A partnership that fails no facet counts in every facet; one that fails a single facet counts
   only in that facet; one that fails two counts nowhere. */
function answer(query) {
  const facets = facetData.facets;
  const docs = facetData.docs;
  const chosen = facets.map((facet) => {
    const flags = new Uint8Array(facet.values.length);
    (query.selected[facet.name] || []).forEach((value) => {
      const option = facet.values.indexOf(value);
      if (option >= 0) flags[option] = 1;
    });
    return flags.includes(1) ? flags : null;
  });
  const counts = facets.map((facet) => new Int32Array(facet.values.length));
  const matches = words(query.text).length ? matchesOf(query.text) : null;
  const candidates = matches === null ? docs.keys() : matches.keys();
  const visible = [];
  for (const ref of candidates) {
    const doc = docs[ref];
    let failed = -1;
    let failures = 0;
    for (let facet = 0; facet < facets.length && failures < 2; facet++) {
      const flags = chosen[facet];
      if (flags !== null && !doc[facet].some((option) => flags[option])) {
        failures++;
        failed = facet;
      }
    }
    if (failures === 0) {
      visible.push(ref);
      doc.forEach((options, facet) => options.forEach((option) => counts[facet][option]++));
    } else if (failures === 1) {
      doc[failed].forEach((option) => counts[failed][option]++);
    }
  }
  if (matches !== null) visible.sort((a, b) => matches.get(b) - matches.get(a) || a - b);
  const order = Int32Array.from(visible);
  const byName = {};
  facets.forEach((facet, index) => {
    byName[facet.name] = counts[index];
  });
  self.postMessage({ type: "result", id: query.id, order: order, counts: byName }, [
    order.buffer,
    ...counts.map((count) => count.buffer),
  ]);
}

function fetchJson(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  });
}

let sources = null; /* the URLs of the load message */
let indexRequested = false;

/* The index is the bulk of the download (1.7 MB gzipped at 10,000 partnerships): it is asked for only
   once the first answer is sent, so that it shares neither a slow connection with the facets nor the
   processor with the page being read; a search typed before that asks for it at once. */
function loadIndex() {
  if (indexRequested) return;
  indexRequested = true;
  fetchJson(sources.index)
    .then((data) => {
      importScripts(sources.lunr);
      countries = data.countries;
      search = createSearch(unpackIndex(data.index));
      self.postMessage({ type: "index" });
      if (waiting !== null && facetData !== null) answer(waiting);
      waiting = null;
    })
    .catch((error) => self.postMessage({ type: "error", stage: "index", message: error.message }));
}

function load(message) {
  sources = message;
  fetchJson(message.facets)
    .then((data) => {
      facetData = data;
      self.postMessage({ type: "facets", facets: data.facets });
    })
    .catch((error) => {
      self.postMessage({ type: "error", stage: "facets", message: error.message });
      loadIndex();
    });
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "load") {
    load(message);
  } else if (message.type === "query") {
    if (search === null && words(message.text).length) {
      waiting = message;
    } else {
      waiting = null;
      answer(message);
    }
    loadIndex();
  }
};
