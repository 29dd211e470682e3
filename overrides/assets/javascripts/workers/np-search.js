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
 * A language other than the default also searches the default language's bundle
 * (?fallback=zh: /pagefind/ at the site root, merged with Pagefind's mergeIndex), for the
 * notes its site shows untranslated: they are found by their own text, link to this
 * language's page of the note and carry a badge (?label=Chinese). The default language's
 * records say which languages show them untranslated (meta "fallback"); its other results,
 * notes this language has a translation of, are left out.
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
/* In snippets, curly quotes and ellipses close up to Han text too. */
var CJK_MARK = new RegExp("[" + CJK_PUNCTUATION + "\\u2018-\\u201f\\u2026]", "u");
/* Results shown (Material renders ten, then more on scroll). */
var MAX_RESULTS = 15;
var SNIPPET_TOKENS = 44;

var bundle = null;
/* Which language's bundle: none for the default language at the root, else e.g. "en". */
var INDEX = (new URL(self.location.href).searchParams.get("index") || "").replace(/[^a-z-]/gi, "");
/* Pagefind stems the English index (and any other language it has a stemmer for); the
 * Chinese index is of Han pairs and isn't stemmed (search/bundle.py: pagefind_language). */
function isStemmed(language) {
  return language !== "" && !/^(zh|ja)/.test(language);
}
/* The default language (at the site root), whose untranslated notes this language's site
 * shows, and the badge those results carry; none on the default language's own site. */
var PARAMS = new URL(self.location.href).searchParams;
var FALLBACK = INDEX ? (PARAMS.get("fallback") || "").replace(/[^a-z-]/gi, "") : "";
var FALLBACK_LABEL = PARAMS.get("label") || FALLBACK;

function loadBundle() {
  if (!bundle) {
    var root = new URL("../../../", self.location.href);
    var base = new URL((INDEX ? INDEX + "/" : "") + "pagefind/", root).href;
    bundle = import(base + "pagefind.js").then(function (pagefind) {
      /* We already are a worker: Pagefind must not start one of its own. */
      return pagefind.options({ basePath: base, baseUrl: "/", noWorker: true, excerptLength: 0 })
        .then(function () { return pagefind.init(); })
        .then(function () {
          if (!FALLBACK) return null;
          /* One query searches both bundles. The merged one shares this bundle's WASM (its
           * stemmer too: Pagefind matches words by prefix, and a stem is mostly a prefix of
           * the unstemmed words the default language's index holds). Its records' URLs are
           * the default language's pages: under this language's root they are the pages this
           * site serves for them (/algorithm/union-find/ → /en/algorithm/union-find/). */
          return pagefind.mergeIndex(new URL("pagefind/", root).href, { baseUrl: "/" + INDEX + "/" });
        })
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

/* What Pagefind is asked for (tokens), the words the reader typed (for Material's
 * highlighting on the target page), and the phrases a note must contain: each Han run as
 * its consecutive pairs, each other word on its own. */
function cutQuery(query) {
  var text = query.normalize("NFKC").toLowerCase();
  var tokens = [], words = [], phrases = [], match;
  PIECES.lastIndex = 0;
  while ((match = PIECES.exec(text)) !== null) {
    if (match[1]) {
      var pairs = hanPairs(match[1]);
      tokens.push.apply(tokens, pairs);
      phrases.push(pairs);
      words.push(match[1]);
    } else if (match[3]) {
      match[3].replace(/[^\p{L}\p{N}_]+/gu, " ").trim().split(" ").forEach(function (word) {
        if (!word) return;
        tokens.push(word);
        phrases.push([word]);
        words.push(word);
      });
    }
  }
  return { tokens: tokens, words: words, phrases: phrases };
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
  html = open ? html + "</mark>" : html;
  return html.replace(/ <\/mark>/g, "</mark> ");
}

/* Tokens that were apart in the text get a space, except next to CJK punctuation. (Pairs
 * of one Han run never get here: they are joined as a continuation.) */
function closeUp(before, after) {
  return before === " " || CJK_MARK.test(before) || CJK_MARK.test(after);
}

/* The window of the page's words with the most matches, as readable HTML; the start of the
 * text, unmarked, when the matches are elsewhere (in the title). */
function snippet(words, positions, from, to) {
  if (to <= from) return "";
  var sorted = positions.filter(function (l) { return l >= from && l < to; });
  var start = from, best = -1;
  for (var i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= SNIPPET_TOKENS) j++;
    if (i - j > best) { best = i - j; start = sorted[j]; }
  }
  start = Math.max(from, Math.min(start - 6, to - SNIPPET_TOKENS));
  var end = Math.min(to, start + SNIPPET_TOKENS);
  var marked = {};
  sorted.forEach(function (l) { marked[l - start] = true; });
  var text = readable(words.slice(start, end), marked);
  return (start > from ? "… " : "") + text + (end < to ? " …" : "");
}

/* A word of the index, as Pagefind compares it: lowercase, without punctuation. */
function bare(word) {
  return word.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, "");
}

/* Does an indexed word match a typed one? Numbers exactly (76 is not 768); other words
 * by prefix, as Pagefind does; on a stemmed index (English) with a possible suffix off
 * the typed word, since the note may say "runs" for "running". */
function matches(word, typed, stemmed) {
  if (/^\d+$/.test(typed)) return word === typed;
  var chars = Array.from(typed);
  var stem = stemmed ? chars.slice(0, Math.max(3, chars.length - 4)).join("") : typed;
  return word.lastIndexOf(stem, 0) === 0;
}

/* Where the page has each phrase: word positions, or null when a phrase is missing. Pagefind
 * finds pages with every pair somewhere, and answers a word it doesn't have with a shorter
 * one it does (xylophone → x); only pages with every phrase as typed are results. */
function phrasePositions(bareWords, phrases, stemmed) {
  var positions = [];
  for (var p = 0; p < phrases.length; p++) {
    var phrase = phrases[p], found = false;
    for (var i = 0; i + phrase.length <= bareWords.length; i++) {
      var hit = phrase.length === 1
        ? matches(bareWords[i], phrase[0], stemmed)
        : phrase.every(function (pair, k) { return bareWords[i + k] === pair; });
      if (hit) {
        found = true;
        for (var k = 0; k < phrase.length; k++) positions.push(i + k);
      }
    }
    if (!found) return null;
  }
  return positions.sort(function (a, b) { return a - b; });
}

/* Records carry URLs relative to the site root, which is Material's base for every language. */
function locationOf(url) {
  return url.replace(/^\/+/, "");
}

/* RegExp source of a literal string. */
function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* The title as HTML, with what the reader typed marked: each Han run where it occurs, each
 * other word where a word starts with it (as the index matches words by prefix). */
function markedTitle(title, words) {
  var pattern = words.filter(Boolean).map(function (word) {
    return /[^\p{L}\p{N}_]/u.test(word.charAt(0)) || new RegExp("^[" + HAN + "]", "u").test(word)
      ? literal(word)
      : "(?<![\\p{L}\\p{N}_])" + literal(word) + (/^\d+$/.test(word) ? "(?!\\d)" : "");
  }).sort(function (a, b) { return b.length - a.length; }).join("|");
  /* As written: NFKC would turn the title's full-width punctuation (最短路径：) into ASCII. */
  var text = title;
  if (!pattern) return escapeHTML(text);
  var html = "", last = 0, match, find = new RegExp(pattern, "giu");
  while ((match = find.exec(text)) !== null) {
    if (!match[0]) { find.lastIndex++; continue; }
    html += escapeHTML(text.slice(last, match.index)) + "<mark>" + escapeHTML(match[0]) + "</mark>";
    last = match.index + match[0].length;
  }
  return html + escapeHTML(text.slice(last));
}

/* Whether a record is in this site's language; a default-language note this site shows
 * untranslated is listed with a badge, one it has a translation of not at all. */
function languageOf(data) {
  var language = data.meta.lang || INDEX;
  if (!FALLBACK || language === INDEX) return { shown: true, foreign: null };
  var shownIn = (data.meta.fallback || "").split(/\s+/);
  return { shown: shownIn.indexOf(INDEX) >= 0, foreign: language };
}

function resultItems(data, score, terms, phrases, typed) {
  var language = languageOf(data);
  if (!language.shown) return null;
  var words = data.content.split(/\s+/);
  var positions = phrasePositions(words.map(bare), phrases, isStemmed(language.foreign || INDEX));
  if (positions === null) return null;
  var location = locationOf(data.url);
  /* The title, problem number and tags lead the record; the result shows them already. */
  var lead = Math.min(parseInt(data.meta.lead || "0", 10) || 0, words.length);
  /* Tags travel percent-encoded and joined by "|" (see partials/np-search-record.html). */
  var tags = (data.meta.tags || "").split("|").filter(Boolean).map(function (tag) {
    try { return decodeURIComponent(tag); } catch (error) { return tag; }
  });
  var title = markedTitle(data.meta.title || location, typed);
  var text = snippet(words, positions, lead, words.length);
  if (language.foreign) {
    var lang = ' lang="' + escapeHTML(language.foreign) + '"';
    title = "<span" + lang + ">" + title + "</span> " +
      '<span class="np-badge np-badge--untranslated">' + escapeHTML(FALLBACK_LABEL) + "</span>";
    text = "<span" + lang + ">" + text + "</span>";
  }
  var article = {
    location: location,
    title: title,
    text: text,
    tags: tags.map(escapeHTML),
    score: score,
    terms: terms
  };
  /* Sections with matches go under "N more on this page": the article shows the best snippet. */
  var anchors = (data.anchors || []).filter(function (a) { return a.id; })
    .sort(function (a, b) { return a.location - b.location; });
  var sections = anchors.map(function (anchor, index) {
    var to = index + 1 < anchors.length ? anchors[index + 1].location : words.length;
    var hits = positions.filter(function (l) { return l >= anchor.location && l < to; }).length;
    return { anchor: anchor, to: to, hits: hits };
  }).filter(function (section) { return section.hits; })
    .sort(function (a, b) { return b.hits - a.hits; })
    .slice(0, 5)
    .map(function (section, index) {
      return {
        location: location + "#" + encodeURIComponent(section.anchor.id),
        title: readable(section.anchor.text.split(/\s+/)),
        text: snippet(words, positions, section.anchor.location, section.to),
        score: score / (2 + index),
        terms: terms
      };
    });
  return [article].concat(sections);
}

/* A title compared with the query: without a problem number ("76. "), case, width and spaces. */
function titleKey(text) {
  return text.normalize("NFKC").replace(/^\s*\d+\s*[.．、]\s*/u, "").replace(/\s+/gu, "").toLowerCase();
}

/* A note whose title is exactly what the reader typed comes first, the rest in Pagefind's order:
 * Pagefind ranks "最长课程表 VI" and "最长课程表 II" as high as "最长课程表 V" itself, since each
 * holds every pair and word typed (a word matches by prefix). */
function byTitleFirst(found) {
  return found.filter(function (f) { return f.exact; }).concat(found.filter(function (f) { return !f.exact; }))
    .map(function (f) { return f.item; });
}

/* Fragments are loaded in batches until there are enough results with every phrase. */
var BATCH = 15;
var MAX_LOADED = 60;

function search(query) {
  var cut = cutQuery(query);
  var onlyOneLetter = cut.phrases.length === 1 && /^[a-z]$/.test(cut.tokens[0]);
  if (!cut.tokens.length || onlyOneLetter) return Promise.resolve({ items: [] });
  var terms = {};
  cut.words.forEach(function (word) { terms[word] = true; });
  return loadBundle().then(function (pagefind) {
    return pagefind.search(cut.tokens.join(" "));
  }).then(function (found) {
    var results = found && found.results ? found.results.slice(0, MAX_LOADED) : [];
    var items = [];
    var wanted = titleKey(query);
    function next(offset) {
      if (items.length >= MAX_RESULTS || offset >= results.length) return { items: byTitleFirst(items) };
      var batch = results.slice(offset, offset + BATCH);
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        pages.forEach(function (data, i) {
          var item = items.length < MAX_RESULTS && resultItems(data, batch[i].score, terms, cut.phrases, cut.words);
          if (item) items.push({ item: item, exact: titleKey(data.meta.title || "") === wanted });
        });
        return next(offset + BATCH);
      });
    }
    return next(0);
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
    if (!String(message.data || "").trim()) {
      /* An empty box is answered at once, with no items, as Material's own worker does: its
       * front end then reads "Type to start searching" instead of "Initializing search"
       * (it sends the empty query as soon as we are ready, before the reader opens the box). */
      self.postMessage({ type: RESULT, data: { items: [] } });
    } else {
      setTimeout(answer, SETTLE_MS, message.data, ticket);
    }
  }
});
