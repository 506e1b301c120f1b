/*
 * The explorer: faceted filtering and full-text search over the server-rendered list of partnerships.
 *
 * The page lists every partnership without JavaScript. This script starts a worker
 * (explorer-worker.js) that loads the facet values and the prebuilt lunr index while the page is
 * still being read, and answers each search or filter change with the partnerships to show and the
 * facet counts. The page then shows the first PAGE_SIZE of them, more on request, and updates the
 * counts: partnership text is never parsed as HTML, the listed items are only moved.
 * The state lives in the URL (?search=…&platform=…&country=…), so it can be shared, and the back
 * and forward buttons restore it. Not ?q=…: Material for MkDocs opens its own search dialog on it.
 * The script is loaded async from the top of the explorer, so the worker starts while the list is
 * still being read, and the list is enhanced once it is read.
 */
(function () {
  "use strict";

  const SEARCH = "search"; /* the URL parameter of the search box, as on the home page */
  const PAGE_SIZE = 50; /* results laid out at once: a few screens, never the whole directory */
  const TYPING_DELAY_MS = 150;
  const WIDE_SCREEN = "(min-width: 60em)"; /* as in explorer.css: filters beside the results */
  const script = document.currentScript;
  if (typeof Worker === "undefined" || !script) return;
  const absolute = (url) => new URL(url, document.baseURI).href;
  const worker = new Worker(script.dataset.worker);
  worker.postMessage({
    type: "load",
    facets: absolute(script.dataset.facets),
    index: absolute(script.dataset.index),
    lunr: absolute(script.dataset.lunr),
  });
  const early = [];
  worker.onmessage = (event) => early.push(event.data); /* until the page is read */

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function start(root) {
    const form = root.querySelector("form");
    const queryInput = form.elements.namedItem(SEARCH);
    const status = root.querySelector("[role=status]");
    const results = root.querySelector("[data-explorer-results]");
    const list = results.querySelector("ol");
    const more = root.querySelector("[data-explorer-more]");
    const items = new Map(Array.from(list.children, (item) => [Number(item.dataset.ref), item]));
    const checkboxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
    const counters = new Map(checkboxes.map((box) => [box, box.closest("label").querySelector("[data-count]")]));
    const facetNames = Array.from(new Set(checkboxes.map((box) => box.name)));
    const facetsPanel = root.querySelector("[data-explorer-facets]");
    const activeFilters = root.querySelector("[data-explorer-active]");
    let typing = false;
    let typingTimer = 0;
    let latest = 0; /* the id of the last query sent: older answers are dropped */
    let order = new Int32Array(0); /* the partnerships that match, in the order shown */
    let shown = 0; /* how many of them are in the list */
    let facetsLoaded = false;
    const optionOf = new Map(); /* checkbox → its option's position in the worker's counts */

    function stateFromUrl() {
      const params = new URLSearchParams(window.location.search);
      const known = (box) => params.getAll(box.name).includes(box.value);
      return { text: params.get(SEARCH) || "", checked: new Set(checkboxes.filter(known)) };
    }

    function stateFromForm() {
      return { text: queryInput.value, checked: new Set(checkboxes.filter((box) => box.checked)) };
    }

    function showInForm(state) {
      queryInput.value = state.text;
      checkboxes.forEach((box) => {
        box.checked = state.checked.has(box);
      });
    }

    function urlOf(state) {
      const params = new URLSearchParams();
      if (state.text.trim()) params.set(SEARCH, state.text.trim());
      checkboxes.forEach((box) => {
        if (state.checked.has(box)) params.append(box.name, box.value);
      });
      const query = params.toString();
      return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    }

    function ask(state) {
      const selected = {};
      facetNames.forEach((name) => {
        selected[name] = [];
      });
      state.checked.forEach((box) => selected[box.name].push(box.value));
      latest += 1;
      results.setAttribute("aria-busy", "true");
      worker.postMessage({ type: "query", id: latest, text: state.text, selected: selected });
      const active = state.checked.size;
      activeFilters.textContent = active ? "(" + active + " selected)" : "";
    }

    /* Shows the matches up to ``count``: only the items that are out of place are moved. */
    function showUpTo(count) {
      shown = Math.min(count, order.length);
      let current = list.firstElementChild;
      for (let position = 0; position < shown; position++) {
        const item = items.get(order[position]);
        if (item === current) {
          current = current.nextElementSibling;
        } else {
          list.insertBefore(item, current);
        }
      }
      if (current) {
        const rest = document.createRange(); /* one removal, however many items follow */
        rest.setStartBefore(current);
        rest.setEndAfter(list.lastChild);
        rest.deleteContents();
      }
      const rest = order.length - shown;
      more.hidden = rest === 0;
      more.textContent = "Show " + Math.min(rest, PAGE_SIZE) + " more (" + shown + " of " + order.length + " shown)";
    }

    function showResult(result) {
      order = result.order;
      showUpTo(PAGE_SIZE);
      checkboxes.forEach((box) => {
        const count = String(result.counts[box.name][optionOf.get(box)] || 0);
        const counter = counters.get(box);
        if (counter.textContent !== count) counter.textContent = count;
        counter.parentElement.classList.toggle("escp-facet__option--empty", count === "0" && !box.checked);
      });
      announce(order.length);
      root.dispatchEvent(new CustomEvent("explorer:rendered")); /* the benchmark times updates by it */
    }

    function announce(count) {
      const total = items.size;
      const message =
        count === 0
          ? "No partnership matches. Remove a filter or change the search."
          : count === total
            ? plural(total, "partnership")
            : count + " of " + total + " partnerships match";
      if (status.textContent.trim() !== message) status.textContent = message;
    }

    function commit(push) {
      const state = stateFromForm();
      const url = urlOf(state);
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history[push ? "pushState" : "replaceState"](null, "", url);
      }
      ask(state);
    }

    function receive(message) {
      if (message.type === "facets") {
        facetsLoaded = true;
        message.facets.forEach((facet) =>
          checkboxes
            .filter((box) => box.name === facet.name)
            .forEach((box) => optionOf.set(box, facet.values.indexOf(box.value))),
        );
        const initial = stateFromUrl();
        showInForm(initial);
        ask(initial);
      } else if (message.type === "index") {
        root.dataset.explorerSearchReady = "true";
      } else if (message.type === "result" && message.id === latest) {
        showResult(message);
        results.removeAttribute("aria-busy");
        if (!root.dataset.explorerReady) {
          facetsPanel.open = window.matchMedia(WIDE_SCREEN).matches;
          form.hidden = false;
          root.dataset.explorerReady = "true";
        }
      } else if (message.type === "error") {
        results.removeAttribute("aria-busy");
        const what = message.stage === "index" && facetsLoaded ? "Search" : "Filtering";
        status.textContent = what + " is unavailable (" + message.message + ").";
        if (!facetsLoaded) status.textContent += " Every partnership is listed.";
      }
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
      showInForm({ text: "", checked: new Set() });
      typing = false;
      commit(true);
      queryInput.focus();
    });
    window.addEventListener("popstate", () => {
      window.clearTimeout(typingTimer);
      typing = false;
      const state = stateFromUrl();
      showInForm(state);
      ask(state);
    });
    more.addEventListener("click", () => {
      const first = shown;
      showUpTo(shown + PAGE_SIZE);
      const link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus(); /* keyboard users go on from the first new result */
    });

    worker.onmessage = (event) => receive(event.data);
    early.splice(0).forEach(receive);
  }

  function whenRead() {
    const root = document.querySelector("[data-explorer]");
    if (root) start(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", whenRead);
  } else {
    whenRead();
  }
})();
