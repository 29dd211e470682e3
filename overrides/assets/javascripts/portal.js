/* Mermaid diagrams without a CDN, and only on pages that have one. Material's front end
   renders each <pre class="mermaid"> with the global `mermaid`, and downloads Mermaid from
   unpkg only while `mermaid` is undefined (Material 9.7-9.8, components/content/mermaid).
   So `mermaid` is defined here, on every page, as a stand-in of a few lines: the first
   diagram Material asks it to render loads the site's own copy of Mermaid
   (assets/mermaid/mermaid.min.js, 3.5 MB), which then replaces the stand-in; a page without
   a diagram never asks, and loads nothing. It is defined before Material first looks (this
   script runs before DOMContentLoaded, when Material mounts the first page's diagrams), and
   it works the same after instant navigation, which mounts the new page's diagrams. */
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var script = document.currentScript;
  var source = new URL("../mermaid/mermaid.min.js", script ? script.src : location.href).href;
  var settings = null;
  var loading = null;

  function loadMermaid() {
    if (!loading) {
      var standIn = window.mermaid;
      loading = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = source;
        element.onload = function () {
          var real = window.mermaid;
          if (!real || real === standIn) return reject(new Error("Mermaid did not load from " + source));
          real.initialize(settings || { startOnLoad: false });
          resolve(real);
        };
        element.onerror = function () { reject(new Error("Mermaid could not be loaded from " + source)); };
        document.head.appendChild(element);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) { settings = options; },
    render: function (id, text) {
      return loadMermaid().then(function (real) { return real.render(id, text); });
    }
  };
})();

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
      var match = /^\s*#?0*([1-9][0-9]*)\s*$/.exec(input.value);
      if (!match) {
        message.textContent = form.dataset.invalid;
        input.focus();
        return;
      }
      var id = parseInt(match[1], 10);
      var key = String(id);
      function go(known) {
        if (known[key]) {
          message.textContent = "";
          location.href = new URL(base + known[key], location.href).href;
        } else {
          message.textContent = form.dataset.missing.replace("{n}", key);
        }
      }
      if (problems[key] || !ranges[rangeSlug(id, size)]) return go(problems);
      problemsOfRange(new URL(base + ranges[rangeSlug(id, size)], location.href).href).then(go);
    });
  }

  /* The LeetCode index's list: the page draws the first problems by number; a topic tab, a
     difficulty, the other sort order or "show more" loads every problem once (compact JSON,
     see views/leetcode.py ListData: [id, title, difficulty index, topic indexes, url, untranslated])
     and draws the rows that match, a page at a time, as the page draws its own. */
  var lists = {};
  function problemList(url) {
    if (!lists[url]) {
      lists[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
      lists[url].catch(function () { delete lists[url]; });
    }
    return lists[url];
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function problemRow(problem, data, labels, base) {
    var difficulty = data.difficulties[problem[2]] || "unknown";
    var row = element("tr");
    row.setAttribute("data-lc-id", String(problem[0]));
    row.setAttribute("data-difficulty", difficulty);
    row.appendChild(element("td", "np-lc-id", String(problem[0])));
    var title = element("td");
    var link = element("a", "", problem[1]);
    link.href = new URL(base + data.base + problem[4], location.href).href;
    if (problem[5]) link.setAttribute("lang", "zh");
    title.appendChild(link);
    row.appendChild(title);
    var level = element("td");
    level.appendChild(element("span", "np-difficulty np-difficulty--" + difficulty, labels.difficulties[difficulty] || ""));
    row.appendChild(level);
    var topics = element("td");
    problem[3].forEach(function (index) {
      var slug = data.topics[index];
      var chip = element("span", "np-topic", labels.topics[slug] || slug);
      chip.setAttribute("data-topic", slug);
      topics.appendChild(chip);
    });
    row.appendChild(topics);
    return row;
  }

  /* The reader's tab, difficulty and order live in the address's fragment (#topic=graph&order=desc),
     so that a reload, a shared link or Back from a problem shows the same list. replaceState:
     a choice adds no history entry of its own. */
  function readChoice(root) {
    var params = new URLSearchParams(location.hash.slice(1));
    function allowed(selector, attribute, value, fallback) {
      var known = Array.prototype.some.call(root.querySelectorAll(selector), function (node) {
        return node.getAttribute(attribute) === value;
      });
      return value !== null && known ? value : fallback;
    }
    return {
      topic: allowed(".np-lc-tab", "data-topic", params.get("topic"), ""),
      difficulty: allowed(".np-lc-filter [data-difficulty]", "data-difficulty", params.get("difficulty"), "all"),
      order: params.get("order") === "desc" ? "desc" : "asc"
    };
  }

  function keepChoice(state) {
    var params = new URLSearchParams();
    if (state.topic) params.set("topic", state.topic);
    if (state.difficulty !== "all") params.set("difficulty", state.difficulty);
    if (state.order !== "asc") params.set("order", state.order);
    var fragment = params.toString();
    history.replaceState(history.state, "", fragment ? "#" + fragment : location.pathname + location.search);
  }

  function wireProblemList() {
    var root = document.querySelector("[data-np-lc-list]");
    if (!root || root.dataset.wired || !root.dataset.src) return;
    root.dataset.wired = "true";
    var labels = readMap(root, "data-labels");
    var step = parseInt(root.dataset.first, 10) || 100;
    var total = parseInt(root.dataset.total, 10) || 0;
    var base = root.dataset.base.replace(/\/?$/, "/");
    var body = root.querySelector(".np-lc-list tbody");
    var status = root.querySelector(".np-lc-status");
    var more = root.querySelector(".np-lc-more");
    var choice = readChoice(root);
    var state = { topic: choice.topic, difficulty: choice.difficulty, order: choice.order, limit: step };
    var drawn = 0;  // increases with each draw: a slow answer never overwrites a newer choice

    function format(shown, count) {
      return labels.shown_of.replace("{shown}", shown).replace("{total}", count);
    }

    function draw() {
      var turn = ++drawn;
      keepChoice(state);
      status.textContent = labels.list_loading;
      root.setAttribute("aria-busy", "true");
      problemList(root.dataset.src).then(function (data) {
        if (turn !== drawn) return;
        var topic = data.topics.indexOf(state.topic);
        var level = data.difficulties.indexOf(state.difficulty);
        var matching = data.problems.filter(function (problem) {
          return (!state.topic || problem[3].indexOf(topic) >= 0) && (state.difficulty === "all" || problem[2] === level);
        });
        if (state.order === "desc") matching.reverse();
        var shown = matching.slice(0, state.limit);
        var rows = document.createDocumentFragment();
        shown.forEach(function (problem) { rows.appendChild(problemRow(problem, data, labels, base)); });
        if (!shown.length) {
          var empty = element("tr");
          var cell = element("td", "np-empty", labels.no_problems);
          cell.colSpan = 4;
          empty.appendChild(cell);
          rows.appendChild(empty);
        }
        body.replaceChildren(rows);
        status.textContent = format(shown.length, matching.length);
        more.hidden = shown.length >= matching.length;
      }).catch(function () {
        if (turn !== drawn) return;
        status.textContent = labels.list_failed;
      }).then(function () { root.removeAttribute("aria-busy"); });
    }

    function pressed(buttons, attribute, value) {
      buttons.forEach(function (button) { button.setAttribute("aria-pressed", String(button.getAttribute(attribute) === value)); });
    }

    function showChoice() {
      tabs.forEach(function (tab) {
        if (tab.dataset.topic === state.topic) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
      });
      pressed(levels, "data-difficulty", state.difficulty);
      pressed(orders, "data-order", state.order);
    }

    var tabs = Array.prototype.slice.call(root.querySelectorAll(".np-lc-tab"));
    var levels = Array.prototype.slice.call(root.querySelectorAll(".np-lc-filter [data-difficulty]"));
    var orders = Array.prototype.slice.call(root.querySelectorAll(".np-lc-sort [data-order]"));
    tabs.forEach(function (tab) {
      tab.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button) return;
        // The link leads to the topic's page for readers without the script; here it is a tab.
        // stopPropagation: Material's instant navigation must not follow it either.
        event.preventDefault();
        event.stopPropagation();
        state.topic = tab.dataset.topic;
        state.limit = step;
        showChoice();
        revealCurrentTab();
        draw();
      });
    });
    levels.forEach(function (button) {
      button.addEventListener("click", function () {
        state.difficulty = button.dataset.difficulty;
        state.limit = step;
        showChoice();
        draw();
      });
    });
    orders.forEach(function (button) {
      button.addEventListener("click", function () {
        state.order = button.dataset.order;
        state.limit = step;
        showChoice();
        draw();
      });
    });
    more.addEventListener("click", function () {
      state.limit += step;
      draw();
    });
    root.querySelector(".np-lc-controls").hidden = false;
    more.hidden = total <= step;
    if (state.topic || state.difficulty !== "all" || state.order !== "asc") {
      showChoice();
      revealCurrentTab();
      draw();
    }
  }

  /* On a phone the topic tabs are one row that scrolls sideways: show the current one. */
  function revealCurrentTab() {
    var current = document.querySelector(".np-lc-tabs__list [aria-current]");
    if (!current) return;
    var list = current.closest(".np-lc-tabs__list");
    if (list.scrollWidth > list.clientWidth) list.scrollLeft = current.parentElement.offsetLeft - list.offsetLeft;
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
    /* Material searches on keyup only. Text that arrives with no key released after it
       (a phone keyboard's or an IME's committed Chinese, a paste from the context menu,
       dictation) would sit in the box unsearched: tell Material about it the same way. */
    if (input) input.addEventListener("input", function (event) {
      if (!event.isComposing) input.dispatchEvent(new KeyboardEvent("keyup"));
    });
  }

  function onPage() { applyAlternates(); wireProblemLookup(); wireProblemList(); revealCurrentTab(); nameSearchDialog(); }
  watchSearchIntent();

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
