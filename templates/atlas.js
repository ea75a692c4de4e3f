// Peta atlas: a little progressive enhancement. Every page works without it.
// No network access: the search index is read from the page itself.
(function () {
  "use strict";

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // "Fit to width" toggles for wide diagrams.
  document.querySelectorAll(".fit-toggle").forEach(function (btn) {
    var target = document.getElementById(btn.getAttribute("data-target"));
    if (!target) return;
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var on = target.classList.toggle("fit");
      btn.setAttribute("aria-pressed", on ? "true" : "false");
    });
  });

  // Recommendation filters.
  var filters = document.getElementById("rec-filters");
  if (filters) {
    var kind = document.getElementById("f-kind");
    var theme = document.getElementById("f-theme");
    var count = document.getElementById("rec-count");
    var items = document.querySelectorAll("#rec-list > li.rec");
    var apply = function () {
      var k = kind.value, th = theme.value, shown = 0;
      items.forEach(function (li) {
        var ok = (!k || li.getAttribute("data-kind") === k) &&
          (!th || (" " + li.getAttribute("data-themes") + " ").indexOf(" " + th + " ") >= 0);
        li.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = count.getAttribute("data-template").replace("{n}", shown).replace("{total}", items.length);
    };
    filters.hidden = false;
    kind.addEventListener("change", apply);
    theme.addEventListener("change", apply);
    filters.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // Highlight the flow nodes named in ?hl= (file-name stems joined by "."):
  // their table rows and diagram shapes (links from fragments and data requests).
  var hl = new URLSearchParams(window.location.search).get("hl");
  if (hl) {
    hl.split(".").forEach(function (stem) {
      if (!/^[a-z0-9_-]+$/.test(stem)) return;
      ["n-" + stem, "d-" + stem].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) el.classList.add("hl");
      });
    });
  }

  // Client-side search over the index loaded by the page's own scripts
  // (search/index-<k>.js push their entries into window.PETA_INDEX).
  var results = document.getElementById("search-results");
  if (results) {
    var index = [].concat.apply([], window.PETA_INDEX || []);
    var folded = index.map(function (e) { return fold(e.l + " " + e.c); });
    var status = document.getElementById("search-status");
    var input = document.getElementById("q");
    var LIMIT = 200;
    var run = function (q) {
      results.textContent = "";
      var terms = fold(q).split(/\s+/).filter(Boolean);
      if (!terms.length) { status.textContent = ""; return; }
      var hits = [];
      for (var i = 0; i < index.length; i++) {
        var hay = folded[i], ok = true;
        for (var j = 0; j < terms.length; j++) {
          if (hay.indexOf(terms[j]) < 0) { ok = false; break; }
        }
        if (ok) {
          var label = fold(index[i].l);
          var rank = label.indexOf(terms[0]) === 0 ? 0 : (label.indexOf(terms[0]) > 0 ? 1 : 2);
          hits.push([rank, i]);
        }
      }
      hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      status.textContent = hits.length
        ? status.getAttribute("data-count").replace("{n}", hits.length) +
          (hits.length > LIMIT ? " " + status.getAttribute("data-more").replace("{n}", LIMIT) : "")
        : status.getAttribute("data-none");
      hits.slice(0, LIMIT).forEach(function (h) {
        var e = index[h[1]];
        var li = document.createElement("li");
        li.className = "hit kind-" + e.k;
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = results.getAttribute("data-kind-" + e.k) || e.k;
        var a = document.createElement("a");
        a.href = e.u;
        a.textContent = e.l;
        var ctx = document.createElement("span");
        ctx.className = "muted";
        ctx.textContent = e.c;
        li.appendChild(tag);
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(ctx);
        results.appendChild(li);
      });
    };
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    input.value = q;
    status.textContent = "";
    run(q);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 120);
    });
    input.form.addEventListener("submit", function (e) {
      e.preventDefault();
      run(input.value);
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// may refuse */ }
    });
  }
})();
