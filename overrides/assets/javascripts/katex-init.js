/* Render the math pymdownx.arithmatex (generic mode) leaves in .arithmatex
   elements: \(...\) inline and \[...\] display. Only those elements are
   touched, so a dollar sign in prose or code is never taken for math.
   Feed excerpts (home, category and tag pages) carry the same inline markup.
   document$ fires on the first load and after every instant navigation. */
(function () {
  "use strict";

  function renderArithmatex(root) {
    if (typeof katex === "undefined") return;
    root.querySelectorAll(".arithmatex").forEach(function (element) {
      if (element.dataset.katexRendered) return;
      var source = element.textContent.trim();
      var display = element.tagName === "DIV" || source.indexOf("\\[") === 0;
      var tex = source.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
      try {
        katex.render(tex, element, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
        element.dataset.katexRendered = "true";
      } catch (error) {
        console.warn("KaTeX could not render", tex, error);
      }
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { renderArithmatex(document.body); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { renderArithmatex(document.body); });
  }
})();
