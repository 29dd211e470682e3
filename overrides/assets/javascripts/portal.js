/* mkdocs-static-i18n points the language switcher at the current page's
   translation, but instant navigation swaps only the page content, not the
   header. Each page ships its links in a data-np-alternates script inside the
   content; re-apply them to the switcher after every page change. */
(function () {
  "use strict";

  function applyAlternates() {
    var data = document.querySelector("[data-np-alternates]");
    if (!data) return;
    var links;
    try { links = JSON.parse(data.getAttribute("data-np-alternates")); } catch (error) { return; }
    var anchors = document.querySelectorAll(".md-select__link[hreflang]");
    anchors.forEach(function (anchor, index) {
      if (links[index]) anchor.setAttribute("href", new URL(links[index], location.href).href);
    });
  }

  /* The LeetCode index's "go to problem" box: jump to our note, or say there is none.
     This page's numbers are in data-np-problems; with a page per number range, the
     form's data-np-ranges says where each range's page is, and only the page of the
     range asked for is fetched (a few KB), never the whole index. */
  function readMap(element, attribute) {
    if (!element) return {};
    try { return JSON.parse(element.getAttribute(attribute)) || {}; } catch (error) { return {}; }
  }

  function rangeSlug(id, size) {
    var start = Math.floor((id - 1) / size) * size + 1;
    return start + "-" + (start + size - 1);
  }

  function problemsOfRange(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) return {};
      return response.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        return readMap(doc.querySelector("[data-np-problems]"), "data-np-problems");
      });
    }).catch(function () { return {}; });
  }

  function wireProblemLookup() {
    var form = document.querySelector("form[data-np-goto]");
    if (!form || form.dataset.wired) return;
    form.dataset.wired = "true";
    var problems = readMap(document.querySelector("[data-np-problems]"), "data-np-problems");
    var ranges = readMap(form, "data-np-ranges");
    var size = parseInt(form.dataset.rangeSize, 10) || 100;
    var base = form.dataset.base.replace(/\/?$/, "/");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.querySelector("input");
      var message = form.querySelector("output");
      var id = parseInt(input.value, 10);
      var key = String(id);
      function go(known) {
        if (known[key]) {
          message.textContent = "";
          location.href = new URL(base + known[key], location.href).href;
        } else {
          message.textContent = form.dataset.missing.replace("{n}", input.value);
        }
      }
      if (problems[key] || !(id > 0) || !ranges[rangeSlug(id, size)]) return go(problems);
      problemsOfRange(new URL(base + ranges[rangeSlug(id, size)], location.href).href).then(go);
    });
  }

  /* Material's search dialog has no accessible name: give it the search box's label. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  /* Search loads Pagefind with the first query. Once the reader opens the search box,
     fetch its script, WASM and metadata ahead, into the browser's HTTP cache, so that
     the first query only waits for its index chunks and fragments. The file names are
     Pagefind 1.5's: pagefind.js, pagefind-entry.json, wasm.<lang>.pagefind and
     pagefind.<hash>.pf_meta (see plugins/notes_portal/search/bundle.py). */
  var warmed = false;
  function warmSearch() {
    if (warmed) return;
    warmed = true;
    var config;
    try { config = JSON.parse(document.getElementById("__config").textContent); } catch (error) { return; }
    if (!config.search || config.search.indexOf("np-search.js") < 0) return;
    var worker = new URL(config.search, location.href);
    var index = (worker.searchParams.get("index") || "").replace(/[^a-z-]/gi, "");
    var root = new URL("../../../", worker);
    var base = new URL((index ? index + "/" : "") + "pagefind/", root);
    fetch(new URL("pagefind.js", base)).catch(function () {});
    warmBundle(base, true);
    /* The default language's bundle, merged for the notes this site shows untranslated:
       the worker searches it with this bundle's script and WASM, so only its metadata. */
    if (index && worker.searchParams.get("fallback")) warmBundle(new URL("pagefind/", root), false);
  }

  function warmBundle(base, withWasm) {
    fetch(new URL("pagefind-entry.json", base), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (entry) {
        Object.keys(entry.languages || {}).forEach(function (language) {
          var info = entry.languages[language];
          if (withWasm) fetch(new URL("wasm." + (info.wasm || "unknown") + ".pagefind", base)).catch(function () {});
          fetch(new URL("pagefind." + info.hash + ".pf_meta", base)).catch(function () {});
        });
      })
      .catch(function () {});
  }

  function watchSearchIntent() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) warmSearch(); });
    if (input) input.addEventListener("focus", warmSearch);
  }

  function onPage() { applyAlternates(); wireProblemLookup(); nameSearchDialog(); }
  watchSearchIntent();

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
