/* Material's search worker protocol, answered by Pagefind.
 *
 * Material's front end (search box, result list, keyboard navigation, ?q= share
 * links) talks to its worker with four messages: SETUP (0) → READY (1), QUERY (2)
 * → RESULT (3) with Material's result items. This worker speaks the same
 * protocol, but never receives a whole-site index: on the first query it loads
 * this language's Pagefind bundle (pagefind/ at the site root, or <index>/pagefind/
 * when the worker's URL says ?index=en) and then fetches only the index chunks
 * and fragments a query needs.
 *
 * Queries are cut like the index (plugins/notes_portal/search/tokens.py): every
 * run of Han characters becomes its overlapping pairs, so 自注意力 is searched
 * as 自注 注意 意力, and KV缓存 as kv 缓存. Snippets are built here from the
 * fragment's tokens, pairs turned back into text, everything escaped.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* Keep in step with HAN and CJK_PUNCTUATION in search/tokens.py. */
var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}";
var CJK_PUNCTUATION = "\\u3000-\\u303f\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65";
var PIECES = new RegExp("([" + HAN + "]+)|([" + CJK_PUNCTUATION + "]+)|([^\\s" + HAN + CJK_PUNCTUATION + "]+)", "gu");
var HAN_PAIR = new RegExp("^([" + HAN + "]{1,2})([^" + HAN + "]*)$", "u");
var HAN_CHAR = new RegExp("[" + HAN + "]", "u");
/* In snippets, curly quotes and ellipses close up to Han text too. */
var CJK_MARK = new RegExp("[" + CJK_PUNCTUATION + "\\u2018-\\u201f\\u2026]", "u");
/* Results shown (Material renders ten, then more on scroll), from the best candidates loaded. */
var MAX_RESULTS = 20;
var CANDIDATES = 30;
var SNIPPET_TOKENS = 44;

var bundle = null;
/* Which language's bundle: none for the default language at the root, else e.g. "en". */
var INDEX = (new URL(self.location.href).searchParams.get("index") || "").replace(/[^a-z-]/gi, "");
/* Pagefind stems the English index (and any other language it has a stemmer for); the
 * Chinese index is of Han pairs and isn't stemmed (search/bundle.py: pagefind_language). */
var STEMMED = INDEX !== "" && !/^(zh|ja)/.test(INDEX);

function loadBundle() {
  if (!bundle) {
    var root = new URL("../../../", self.location.href);
    var base = new URL((INDEX ? INDEX + "/" : "") + "pagefind/", root).href;
    bundle = import(base + "pagefind.js").then(function (pagefind) {
      /* We already are a worker: Pagefind must not start one of its own. */
      return pagefind.options({ basePath: base, baseUrl: "/", noWorker: true, excerptLength: 0 })
        .then(function () { return pagefind.init(); })
        .then(function () { return pagefind; });
    });
    bundle.catch(function () { bundle = null; });
  }
  return bundle;
}

/* By code point, not UTF-16 unit: 𠮷 and the other supplementary ideographs are one character. */
function hanPairs(run) {
  var chars = Array.from(run);
  if (chars.length < 2) return [run];
  var pairs = [];
  for (var i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return pairs;
}

/* What Pagefind is asked for, and the words the reader typed (for highlighting). */
function cutQuery(query) {
  var text = query.normalize("NFKC").toLowerCase();
  var tokens = [], words = [], match;
  PIECES.lastIndex = 0;
  while ((match = PIECES.exec(text)) !== null) {
    if (match[1]) {
      tokens.push.apply(tokens, hanPairs(match[1]));
      words.push(match[1]);
    } else if (match[3]) {
      var word = match[3].replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
      if (word) { tokens.push(word); words.push.apply(words, word.split(" ")); }
    }
  }
  return { tokens: tokens, words: words };
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Indexed tokens back into readable HTML: 自注 注意 意力 → 自注意力, marked tokens in <mark>. */
function readable(tokens, marked) {
  var chars = [];  /* [text, isMarked] */
  var previousPairEnd = null;
  tokens.forEach(function (token, i) {
    var pair = HAN_PAIR.exec(token);
    var han = pair ? Array.from(pair[1]) : null;
    var mark = !!(marked && marked[i]);
    if (han && han.length === 2 && previousPairEnd === han[0]) {
      if (mark) chars[chars.length - 1][1] = true;
      chars.push([han[1], mark]);
    } else {
      var last = chars.length ? Array.from(chars[chars.length - 1][0]).pop() : "";
      if (last && !closeUp(last, Array.from(token)[0])) chars.push([" ", false]);
      if (han) han.forEach(function (c) { chars.push([c, mark]); });
      else chars.push([token, mark]);
    }
    /* Pagefind ends blocks with "."; after Han text a space reads better. */
    if (pair && pair[2] && pair[2] !== ".") chars.push([pair[2], false]);
    else if (pair && pair[2] === ".") chars.push([" ", false]);
    previousPairEnd = han && han.length === 2 && !pair[2] ? han[1] : null;
  });
  var html = "", open = false;
  chars.forEach(function (entry) {
    if (entry[1] && !open) { html += "<mark>"; open = true; }
    if (!entry[1] && open && entry[0] !== " ") { html += "</mark>"; open = false; }
    html += escapeHTML(entry[0]);
  });
  return open ? html + "</mark>" : html;
}

/* No space between Han characters or next to CJK punctuation; Latin and Han keep one. */
function closeUp(before, after) {
  return before === " " || CJK_MARK.test(before) || CJK_MARK.test(after) ||
    (HAN_CHAR.test(before) && HAN_CHAR.test(after));
}

/* The window of the page's words with the most matches, as readable HTML. */
function snippet(words, locations, lead) {
  if (!words.length) return "";
  /* The title, problem number and tags lead the record; the result shows them already. */
  var sorted = locations.filter(function (l) { return l >= lead; }).sort(function (a, b) { return a - b; });
  if (!sorted.length) sorted = [lead];
  var start = 0, best = -1;
  for (var i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= SNIPPET_TOKENS) j++;
    if (i - j > best) { best = i - j; start = sorted[j]; }
  }
  start = Math.max(lead, Math.min(start - 6, words.length - SNIPPET_TOKENS));
  var end = Math.min(words.length, start + SNIPPET_TOKENS);
  var marked = {};
  sorted.forEach(function (l) { marked[l - start] = true; });
  var text = readable(words.slice(start, end), marked);
  return (start > lead ? "… " : "") + text + (end < words.length ? " …" : "");
}

/* Records carry URLs relative to the site root, which is Material's base for every language. */
function locationOf(url) {
  return url.replace(/^\/+/, "");
}

function resultItems(data, score, terms) {
  var words = data.content.split(/\s+/);
  var location = locationOf(data.url);
  var lead = parseInt(data.meta.lead || "0", 10) || 0;
  var tags = [];
  try { tags = JSON.parse(data.meta.tags || "[]"); } catch (error) { tags = []; }
  var article = {
    location: location,
    title: escapeHTML(data.meta.title || location),
    text: snippet(words, data.locations, lead),
    tags: tags.map(escapeHTML),
    score: score,
    terms: terms
  };
  /* Matching sections go under "more on this page": the article shows the best snippet. */
  var sections = (data.sub_results || [])
    .filter(function (sub) { return sub.anchor && sub.anchor.id && sub.locations.length; })
    .sort(function (a, b) { return b.locations.length - a.locations.length; })
    .slice(0, 5)
    .map(function (sub, index) {
      return {
        location: location + "#" + encodeURIComponent(sub.anchor.id),
        title: readable(sub.title.split(/\s+/)),
        text: snippet(words, sub.locations, lead),
        score: score / (2 + index),
        terms: terms
      };
    });
  return [article].concat(sections);
}

/* Pagefind answers a term it has no word for with the longest indexed word the term starts
 * with (xylophone → x), which would list notes that merely contain an x. Keep a result only
 * if, for every term, one of its words starts with the term; on a stemmed index (English),
 * with the term less a possible suffix, since the note may have "runs" for "running". */
function containsEveryTerm(data, tokens, stemmed) {
  var words = data.content.toLowerCase().split(/\s+/).map(function (word) {
    return word.replace(/[^\p{L}\p{N}_]+/gu, "");
  });
  return tokens.every(function (token) {
    var stem = stemmed ? Array.from(token).slice(0, Math.max(3, Array.from(token).length - 4)).join("") : token;
    return words.some(function (word) { return word.lastIndexOf(stem, 0) === 0; });
  });
}

function search(query) {
  var cut = cutQuery(query);
  if (!cut.tokens.length) return Promise.resolve({ items: [] });
  var terms = {};
  cut.words.forEach(function (word) { terms[word] = true; });
  return loadBundle().then(function (pagefind) {
    return pagefind.search(cut.tokens.join(" "));
  }).then(function (found) {
    var top = found && found.results ? found.results.slice(0, CANDIDATES) : [];
    return Promise.all(top.map(function (result) { return result.data(); })).then(function (pages) {
      var items = [];
      pages.forEach(function (data, i) {
        if (items.length < MAX_RESULTS && containsEveryTerm(data, cut.tokens, STEMMED))
          items.push(resultItems(data, top[i].score, terms));
      });
      return { items: items };
    });
  });
}

/* Material sends a query on every keystroke; one typed within this many milliseconds of the
 * next isn't searched at all (typing "lora" shouldn't search "l", "lo" and "lor" first). */
var SETTLE_MS = 40;
var latest = 0;

function answer(query, ticket) {
  if (ticket !== latest) return;
  search(query).then(function (result) {
    if (ticket === latest) self.postMessage({ type: RESULT, data: result });
  }, function (error) {
    console.warn("Search failed:", error);
    if (ticket === latest) self.postMessage({ type: RESULT, data: { items: [] } });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var ticket = ++latest;
    setTimeout(answer, SETTLE_MS, message.data, ticket);
  }
});
