/*
 * The explorer: faceted filtering and full-text search over the server-rendered list of partnerships.
 *
 * The page lists every partnership without JavaScript. This script loads the prebuilt lunr index and
 * the facet values (assets/explorer/search.json), then only shows, hides and reorders the listed
 * items and updates the facet counts: partnership text is never parsed as HTML.
 * The state lives in the URL (?search=…&platform=…&country=…), so it can be shared, and the back
 * and forward buttons restore it. Not ?q=…: Material for MkDocs opens its own search dialog on it.
 */
(function () {
  "use strict";

  const SEARCH = "search"; /* the URL parameter of the search box, as on the home page */
  const root = document.querySelector("[data-explorer]");
  if (!root || typeof lunr === "undefined") return;

  const form = root.querySelector("form");
  const queryInput = form.elements.namedItem(SEARCH);
  const status = root.querySelector("[role=status]");
  const list = root.querySelector("ol");
  const items = new Map(Array.from(list.children, (item) => [Number(item.dataset.ref), item]));
  const checkboxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  const facetsPanel = root.querySelector("[data-explorer-facets]");
  const activeFilters = root.querySelector("[data-explorer-active]");
  const TYPING_DELAY_MS = 150;
  const WIDE_SCREEN = "(min-width: 60em)"; /* as in explorer.css: filters beside the results */

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

  /* lunr's serialised index, rebuilt from the packed form written by generator/search/index.py:
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

  function createSearch(data) {
    const index = unpackIndex(data.index);

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
      if (word.length !== 2 || !Object.prototype.hasOwnProperty.call(data.countries, code)) return null;
      const name = data.countries[code];
      const required = { presence: lunr.Query.presence.REQUIRED };
      const nameWords = words(name).filter((nameWord) => lunr.stopWordFilter(nameWord));
      return scores(index.query((query) => nameWords.forEach((nameWord) => query.term(nameWord, required))));
    }

    /* Every word must match (stop words that are not country codes are ignored); null: no words. */
    return function search(text) {
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

  function intersection(first, second) {
    const common = new Map();
    first.forEach((score, ref) => {
      if (second.has(ref)) common.set(ref, score + second.get(ref));
    });
    return common;
  }

  function createFacets(data) {
    const facets = data.facets.map((facet) => facet.name);
    const docValues = data.docs.map((doc) =>
      doc.map((options, facetIndex) => new Set(options.map((option) => data.facets[facetIndex].values[option]))),
    );

    function passes(ref, facetIndex, selected) {
      const chosen = selected[facetIndex];
      if (chosen.size === 0) return true;
      for (const value of docValues[ref][facetIndex]) if (chosen.has(value)) return true;
      return false;
    }

    /* The partnerships that pass every facet, and per facet the count of each value among the
       partnerships that pass all the other facets (so a count says what ticking the value gives). */
    return function filter(candidates, selected) {
      const visible = candidates.filter((ref) => facets.every((_, facet) => passes(ref, facet, selected)));
      const counts = facets.map((_, facetIndex) => {
        const count = new Map();
        candidates.forEach((ref) => {
          const others = facets.every((__, other) => other === facetIndex || passes(ref, other, selected));
          if (others) docValues[ref][facetIndex].forEach((value) => count.set(value, (count.get(value) || 0) + 1));
        });
        return count;
      });
      return { visible: visible, counts: counts };
    };
  }

  function start(data) {
    const facetNames = data.facets.map((facet) => facet.name);
    const search = createSearch(data);
    const filter = createFacets(data);
    let typing = false;
    let typingTimer = 0;

    function stateFromUrl() {
      const params = new URLSearchParams(window.location.search);
      return {
        text: params.get(SEARCH) || "",
        selected: data.facets.map(
          (facet) => new Set(params.getAll(facet.name).filter((value) => facet.values.includes(value))),
        ),
      };
    }

    function stateFromForm() {
      return {
        text: queryInput.value,
        selected: facetNames.map(
          (name) => new Set(checkboxes.filter((box) => box.name === name && box.checked).map((box) => box.value)),
        ),
      };
    }

    function showInForm(state) {
      queryInput.value = state.text;
      checkboxes.forEach((box) => {
        box.checked = state.selected[facetNames.indexOf(box.name)].has(box.value);
      });
    }

    function urlOf(state) {
      const params = new URLSearchParams();
      if (state.text.trim()) params.set(SEARCH, state.text.trim());
      data.facets.forEach((facet, facetIndex) =>
        facet.values.forEach((value) => {
          if (state.selected[facetIndex].has(value)) params.append(facet.name, value);
        }),
      );
      const query = params.toString();
      return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    }

    function render(state) {
      const matches = search(state.text);
      const candidates = Array.from(items.keys()).filter((ref) => matches === null || matches.has(ref));
      const result = filter(candidates, state.selected);
      const shown = new Set(result.visible);
      const byScore = (a, b) => matches.get(b) - matches.get(a) || a - b;
      const order = matches === null ? result.visible : result.visible.slice().sort(byScore);
      const hidden = Array.from(items.keys()).filter((ref) => !shown.has(ref));
      placeInOrder(order.concat(hidden));
      items.forEach((item, ref) => {
        if (item.hidden === shown.has(ref)) item.hidden = !shown.has(ref);
      });
      checkboxes.forEach((box) => {
        const count = String(result.counts[facetNames.indexOf(box.name)].get(box.value) || 0);
        const label = box.closest("label");
        const counter = label.querySelector("[data-count]");
        if (counter.textContent !== count) counter.textContent = count;
        label.classList.toggle("escp-facet__option--empty", count === "0" && !box.checked);
      });
      const active = state.selected.reduce((total, values) => total + values.size, 0);
      activeFilters.textContent = active ? "(" + active + " selected)" : "";
      announce(result.visible.length);
      root.dispatchEvent(new CustomEvent("explorer:rendered")); /* the benchmark times updates by it */
    }

    /* Moves only the items that are out of place: moving all of them costs a relayout of the list. */
    function placeInOrder(refs) {
      let current = list.firstElementChild;
      refs.forEach((ref) => {
        const item = items.get(ref);
        if (item === current) {
          current = current.nextElementSibling;
        } else {
          list.insertBefore(item, current);
        }
      });
    }

    function announce(count) {
      const total = items.size;
      const message =
        count === 0
          ? "No partnership matches. Remove a filter or change the search."
          : count === total
            ? total + (total === 1 ? " partnership" : " partnerships")
            : count + " of " + total + " partnerships match";
      if (status.textContent.trim() !== message) status.textContent = message;
    }

    function commit(push) {
      const state = stateFromForm();
      const url = urlOf(state);
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history[push ? "pushState" : "replaceState"](null, "", url);
      }
      render(state);
    }

    form.addEventListener("change", (event) => {
      if (event.target.type !== "checkbox") return;
      typing = false;
      commit(true);
    });
    queryInput.addEventListener("input", () => {
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => {
        commit(!typing);
        typing = true;
      }, TYPING_DELAY_MS);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(typingTimer);
      commit(!typing);
      typing = false;
    });
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      window.clearTimeout(typingTimer);
      showInForm({ text: "", selected: facetNames.map(() => new Set()) });
      typing = false;
      commit(true);
      queryInput.focus();
    });
    window.addEventListener("popstate", () => {
      window.clearTimeout(typingTimer);
      typing = false;
      const state = stateFromUrl();
      showInForm(state);
      render(state);
    });

    const initial = stateFromUrl();
    showInForm(initial);
    render(initial);
    facetsPanel.open = window.matchMedia(WIDE_SCREEN).matches;
    form.hidden = false;
    root.dataset.explorerReady = "true";
  }

  fetch(root.dataset.explorerData)
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch((error) => {
      status.textContent = "Filtering is unavailable (" + error.message + "); every partnership is listed.";
    });
})();
