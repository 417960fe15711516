/* numlint serve: the editor's page. Paste or open an article, check it against POST /v1/check,
 * show every checked figure highlighted (markup and behaviour shared with the static report:
 * see web/marks.js), apply fixes, download the report.
 *
 * Text is never put into innerHTML: every node is built with createElement/textContent, so an
 * article full of <script> tags shows as text. Offsets come from the API in UTF-16 code units
 * (utf16_start/utf16_end), which is how JavaScript indexes strings.
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    text: $("nl-text"), doc: $("nl-doc"), cards: $("nl-cards"), status: $("nl-status"),
    counts: $("nl-counts"), list: $("nl-list"), passed: $("nl-passed"),
    passedSummary: $("nl-passed-summary"), passedList: $("nl-passed-list"),
    check: $("nl-check"), edit: $("nl-mode-edit"), review: $("nl-mode-review"),
    file: $("nl-file"), format: $("nl-format"), locale: $("nl-locale"),
    applyAll: $("nl-apply-all"), undo: $("nl-undo"), copy: $("nl-copy"),
    dlJson: $("nl-dl-json"), dlMd: $("nl-dl-md"), dlHtml: $("nl-dl-html"),
    showInfo: $("nl-show-info"), showOk: $("nl-show-ok"),
    ruleList: $("nl-rule-list"), rulesSummary: $("nl-rules-summary"), rulesReset: $("nl-rules-reset"),
    area: $("nl-doc-area")
  };

  var state = {
    report: null,        // the last /v1/check answer
    checkedText: null,   // the text it was computed from
    fileName: null,
    undo: [],
    rules: [],           // from /v1/rules
    ruleOn: {},          // id -> bool, as the user set them
    maxBody: 5000000,
    seq: 0,              // drops answers to superseded requests
    busy: false
  };

  var STORE = "numlint.page.v1";
  var marks = window.NumlintMarks.attach(document);

  // ---------- small helpers ----------

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") e.textContent = v;
        else if (k === "className") e.className = v;
        else e.setAttribute(k, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function label(cls) { return cls === "info" ? "note" : cls === "ok" ? "holds" : cls; }

  function setStatus(msg, bad) {
    ui.status.textContent = msg;
    ui.status.classList.toggle("nl-bad", !!bad);
  }

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify({
        text: ui.text.value, format: ui.format.value, locale: ui.locale.value,
        ruleOn: state.ruleOn, fileName: state.fileName
      }));
    } catch (e) { /* private mode or full: the page still works */ }
  }

  function restore() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE) || "null");
      if (!s) return;
      ui.text.value = s.text || "";
      ui.format.value = s.format || "auto";
      ui.locale.value = s.locale || "";
      state.ruleOn = s.ruleOn || {};
      state.fileName = s.fileName || null;
    } catch (e) { /* ignore a damaged store */ }
  }

  // ---------- input format ----------

  function formatFromName(name) {
    var m = /\.([a-z0-9]+)$/i.exec(name || "");
    var ext = m ? m[1].toLowerCase() : "";
    if (ext === "md" || ext === "markdown") return "markdown";
    if (ext === "html" || ext === "htm") return "html";
    if (ext === "txt") return "text";
    return null;
  }

  function guessFormat(text) {
    if (/^\s*<(!doctype|html|body|article|p|div|h[1-6])\b/i.test(text)) return "html";
    if (/^---\r?\n/.test(text) || /^#{1,6} /m.test(text) || /^```/m.test(text) ||
        /\[[^\]]+\]\([^)]+\)/.test(text) || /^\s*[-*] \S/m.test(text)) return "markdown";
    return "text";
  }

  function inputFormat() {
    if (ui.format.value !== "auto") return ui.format.value;
    return formatFromName(state.fileName) || guessFormat(ui.text.value);
  }

  // ---------- modes ----------

  function setMode(review) {
    ui.doc.hidden = !review;
    ui.text.hidden = review;
    ui.edit.setAttribute("aria-pressed", String(!review));
    ui.review.setAttribute("aria-pressed", String(review));
    marks.hide();
  }

  function inReview() { return !ui.doc.hidden; }

  // ---------- the API ----------

  function requestBody(text) {
    var config = {};
    if (ui.locale.value) config.locale = ui.locale.value;
    var changed = state.rules.some(function (r) { return ruleIsOn(r) !== r.enabled; });
    if (changed) {
      config.select = state.rules.filter(ruleIsOn).map(function (r) { return r.id; });
    }
    return JSON.stringify({
      text: text, input_format: inputFormat(), path: state.fileName || "article",
      config: config
    });
  }

  function check(opts) {
    opts = opts || {};
    var text = ui.text.value;
    var body = requestBody(text);
    var size = new Blob([body]).size;
    if (size > state.maxBody) {
      setStatus("This text is " + size.toLocaleString() + " bytes; the server accepts at most " +
        state.maxBody.toLocaleString() + " (numlint serve --max-body).", true);
      return Promise.resolve(false);
    }
    var seq = ++state.seq;
    state.busy = true;
    ui.check.disabled = true;
    setStatus("Checking…");
    return fetch("/v1/check", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: body
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (seq !== state.seq) return false;
        if (!res.ok) {
          var msg = data && data.error ? data.error.message : "HTTP " + res.status;
          setStatus("The check failed: " + msg, true);
          if (res.status === 503 && !opts.retried) {
            return new Promise(function (r) { setTimeout(r, 1000); }).then(function () {
              return check({ retried: true, review: opts.review, focus: opts.focus });
            });
          }
          return false;
        }
        state.report = data;
        state.checkedText = text;
        render();
        if (opts.review !== false) setMode(true);
        announce();
        if (opts.focus !== undefined) focusAfterFix(opts.focus);
        return true;
      });
    }).catch(function (e) {
      if (seq === state.seq) setStatus("Cannot reach numlint serve: " + e.message, true);
      return false;
    }).then(function (ok) {
      if (seq === state.seq) { state.busy = false; ui.check.disabled = false; }
      return ok;
    });
  }

  function announce() {
    var s = state.report.summary;
    var msg = "Checked " + plural(state.checkedText.length, "character", "characters") + ": " +
      plural(s.errors, "error", "errors") + ", " + plural(s.warnings, "warning", "warnings") +
      ", " + plural(s.infos, "note", "notes") + "; " + plural(s.passed, "claim holds", "claims hold") + ".";
    setStatus(msg, false);
  }

  // ---------- rendering ----------

  var RANK = { error: 3, warning: 2, info: 1, ok: 0 };

  function annotations() {
    var r = state.report, out = [];
    r.findings.forEach(function (f, i) {
      if (f.severity === "info" && !ui.showInfo.checked) return;
      out.push({ id: "f" + i, start: f.utf16_start, end: f.utf16_end, cls: f.severity });
    });
    (r.passed || []).forEach(function (p, i) {
      if (!ui.showOk.checked) return;
      out.push({ id: "p" + i, start: p.utf16_start, end: p.utf16_end, cls: "ok" });
    });
    return out.filter(function (a) { return a.start < a.end; });
  }

  /* The same cutting as src/report/html.rs render_marked: pieces at every boundary, each
     coloured by the worst annotation over it and listing them all. */
  function renderDoc(text, anns) {
    var frag = document.createDocumentFragment();
    var cuts = [0, text.length];
    anns.forEach(function (a) { cuts.push(a.start, a.end); });
    cuts = cuts.filter(function (c) { return c >= 0 && c <= text.length; })
      .sort(function (a, b) { return a - b; })
      .filter(function (c, i, all) { return i === 0 || c !== all[i - 1]; });
    var anchored = {};
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1], piece = text.slice(a, b);
      var cover = anns.filter(function (x) { return x.start <= a && x.end >= b; });
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      cover.sort(function (x, y) { return (RANK[y.cls] - RANK[x.cls]) || (x.start - y.start); });
      var m = el("mark", {
        className: "nl-mark nl-" + cover[0].cls,
        "data-refs": cover.map(function (x) { return x.id; }).join(" "),
        "aria-describedby": cover.map(function (x) { return "nl-card-" + x.id; }).join(" ")
      }, piece);
      var first = cover.filter(function (x) { return !anchored[x.id]; })[0];
      if (first) {
        anchored[first.id] = true;
        m.id = "nl-m-" + first.id;
        m.tabIndex = 0;
      }
      frag.appendChild(m);
    }
    return frag;
  }

  function ruleSummary(id) {
    for (var i = 0; i < state.rules.length; i++) if (state.rules[i].id === id) return state.rules[i].summary;
    return null;
  }

  function applyLabel(f) {
    return (f.suggestion.safe ? "Apply fix: " : "Apply suggestion: ") + f.suggestion.replacement;
  }

  function findingCard(f, i) {
    var card = el("div", { className: "nl-card nl-" + f.severity, id: "nl-card-f" + i, "data-ref": "f" + i, role: "tooltip" },
      el("div", { className: "nl-card-head" },
        el("span", { className: "nl-badge nl-" + f.severity, text: label(f.severity) }), " ",
        el("code", { className: "nl-rule", text: f.rule }), " ",
        el("span", { className: "nl-loc", text: "line " + f.line + ", column " + f.column })),
      el("p", { className: "nl-msg", text: f.message }));
    if (f.expected) card.appendChild(el("p", { className: "nl-expected" }, "Expected: ", el("strong", { text: f.expected.text })));
    if (f.notes && f.notes.length) {
      var ul = el("ul", { className: "nl-notes" });
      f.notes.forEach(function (n) { ul.appendChild(el("li", { text: n })); });
      card.appendChild(ul);
    }
    if (f.suggestion) {
      var s = f.suggestion;
      var old = state.checkedText.slice(s.utf16_start, s.utf16_end);
      card.appendChild(el("p", { className: "nl-fix" }, (s.safe ? "Fix" : "Suggestion") + ": replace ",
        el("del", { text: old }), " with ", el("ins", { text: s.replacement })));
      card.appendChild(el("button", { type: "button", className: "nl-apply", "data-apply": i, text: applyLabel(f) }));
    }
    (f.related || []).forEach(function (r) {
      card.appendChild(el("p", { className: "nl-related" }, "Also involves line " + r.line + ": ", el("q", { text: r.text })));
    });
    var about = ruleSummary(f.rule);
    if (about) card.appendChild(el("p", { className: "nl-about", text: "Rule: " + about + "." }));
    return card;
  }

  function passedCard(p, i) {
    return el("div", { className: "nl-card nl-ok", id: "nl-card-p" + i, "data-ref": "p" + i, role: "tooltip" },
      el("div", { className: "nl-card-head" },
        el("span", { className: "nl-badge nl-ok", text: "holds" }), " ",
        el("code", { className: "nl-rule", text: p.kind }), " ",
        el("span", { className: "nl-loc", text: "line " + p.line + ", column " + p.column })),
      el("p", { className: "nl-msg", text: p.claim }),
      el("p", { className: "nl-arith", text: p.arithmetic }),
      el("p", { className: "nl-verdict", text: p.verdict }));
  }

  function render() {
    var r = state.report, text = state.checkedText;
    marks.hide();
    ui.doc.replaceChildren(renderDoc(text, annotations()));
    var cards = document.createDocumentFragment();
    r.findings.forEach(function (f, i) { cards.appendChild(findingCard(f, i)); });
    (r.passed || []).forEach(function (p, i) { cards.appendChild(passedCard(p, i)); });
    ui.cards.replaceChildren(cards);

    var s = r.summary;
    ui.counts.replaceChildren(
      el("span", { className: "nl-chip nl-error", text: plural(s.errors, "error", "errors") }),
      el("span", { className: "nl-chip nl-warning", text: plural(s.warnings, "warning", "warnings") }),
      el("span", { className: "nl-chip nl-info", text: plural(s.infos, "note", "notes") }),
      el("span", { className: "nl-chip nl-ok", text: plural(s.passed, "claim holds", "claims hold") }));

    var list = document.createDocumentFragment();
    r.findings.forEach(function (f, i) {
      if (f.severity === "info" && !ui.showInfo.checked) return;
      var li = el("li", { className: "nl-item nl-" + f.severity },
        el("button", { type: "button", className: "nl-goto", "data-ref": "f" + i },
          el("span", { className: "nl-badge nl-" + f.severity, text: label(f.severity) }), " ",
          el("span", { className: "nl-loc", text: f.line + ":" + f.column }), " ",
          el("code", { className: "nl-rule", text: f.rule }),
          el("span", { className: "nl-item-msg", text: f.message })));
      if (f.suggestion) li.appendChild(el("button", { type: "button", className: "nl-apply", "data-apply": i, text: applyLabel(f) }));
      list.appendChild(li);
    });
    if (!r.findings.length) list.appendChild(el("li", { className: "nl-empty", text: "No findings: every checked figure holds." }));
    ui.list.replaceChildren(list);

    var passed = r.passed || [];
    ui.passed.hidden = passed.length === 0 || !ui.showOk.checked;
    ui.passedSummary.textContent = plural(passed.length, "claim holds", "claims hold");
    var pl = document.createDocumentFragment();
    passed.forEach(function (p, i) {
      pl.appendChild(el("li", { className: "nl-item nl-ok" },
        el("button", { type: "button", className: "nl-goto", "data-ref": "p" + i },
          el("span", { className: "nl-badge nl-ok", text: "holds" }), " ",
          el("span", { className: "nl-loc", text: p.line + ":" + p.column }),
          el("span", { className: "nl-item-msg", text: p.verdict }))));
    });
    ui.passedList.replaceChildren(pl);

    var fixable = safeFixes().length;
    ui.applyAll.disabled = fixable === 0;
    ui.applyAll.textContent = fixable ? "Apply all safe fixes (" + fixable + ")" : "Apply all fixes";
    ui.dlJson.disabled = ui.dlMd.disabled = ui.dlHtml.disabled = false;
    ui.copy.disabled = false;
  }

  // ---------- fixes ----------

  function safeFixes() {
    if (!state.report) return [];
    return state.report.findings.filter(function (f) { return f.suggestion && f.suggestion.safe; });
  }

  function pushUndo(text) {
    state.undo.push(text);
    if (state.undo.length > 100) state.undo.shift();
    ui.undo.disabled = false;
  }

  function replaceText(next, focusIndex) {
    pushUndo(ui.text.value);
    ui.text.value = next;
    save();
    return check({ review: true, focus: focusIndex });
  }

  function applyOne(i) {
    var f = state.report && state.report.findings[i];
    if (!f || !f.suggestion) return;
    if (ui.text.value !== state.checkedText) {
      setStatus("The text changed since the last check; checking again first.", true);
      check();
      return;
    }
    var s = f.suggestion, t = state.checkedText;
    replaceText(t.slice(0, s.utf16_start) + s.replacement + t.slice(s.utf16_end), i);
  }

  function applyAll() {
    if (!state.report || ui.text.value !== state.checkedText) { check(); return; }
    var fixes = safeFixes().map(function (f) { return f.suggestion; })
      .sort(function (a, b) { return b.utf16_start - a.utf16_start; });
    var t = state.checkedText, floor = Infinity, n = 0;
    fixes.forEach(function (s) {
      if (s.utf16_end > floor) return; // overlaps one already applied: leave it for the next check
      t = t.slice(0, s.utf16_start) + s.replacement + t.slice(s.utf16_end);
      floor = s.utf16_start;
      n++;
    });
    if (n) replaceText(t, 0).then(function () {
      setStatus("Applied " + plural(n, "fix", "fixes") + ". " + ui.status.textContent, false);
    });
  }

  /* After a fix the marks are redrawn; put focus on the finding now at the same place in the
     list (the next one), so a keyboard user keeps their position. */
  function focusAfterFix(i) {
    var items = ui.list.querySelectorAll(".nl-goto");
    var target = items[Math.min(i, items.length - 1)];
    if (target) target.focus();
    else ui.check.focus();
  }

  function undo() {
    if (!state.undo.length) return;
    ui.text.value = state.undo.pop();
    ui.undo.disabled = state.undo.length === 0;
    save();
    check({ review: inReview() });
  }

  // ---------- downloads ----------

  function baseName() {
    return (state.fileName || "article").replace(/\.[^.]+$/, "") || "article";
  }

  function download(name, type, body) {
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function code(s) {
    s = String(s).replace(/\s+/g, " ");
    var ticks = "`";
    while (s.indexOf(ticks) >= 0) ticks += "`";
    var pad = /^`|`$/.test(s) ? " " : "";
    return ticks + pad + s + pad + ticks;
  }

  function mdText(s) { return String(s).replace(/([\\`*_[\]<>|])/g, "\\$1").replace(/\s+/g, " "); }

  function markdownReport() {
    var r = state.report, s = r.summary, out = [];
    out.push("# numlint report: " + mdText(state.fileName || "article"), "");
    out.push(plural(s.errors, "error", "errors") + ", " + plural(s.warnings, "warning", "warnings") + ", " +
      plural(s.infos, "note", "notes") + "; " + plural(s.passed, "claim holds", "claims hold") + ".", "");
    var rules = Object.keys(s.by_rule || {});
    if (rules.length) {
      out.push("| rule | errors | warnings | notes |", "|---|---:|---:|---:|");
      rules.forEach(function (id) {
        var c = { error: 0, warning: 0, info: 0 };
        r.findings.forEach(function (f) { if (f.rule === id) c[f.severity]++; });
        out.push("| " + code(id) + " | " + c.error + " | " + c.warning + " | " + c.info + " |");
      });
      out.push("");
    }
    out.push("## Findings", "");
    if (!r.findings.length) out.push("None.", "");
    r.findings.forEach(function (f, i) {
      out.push((i + 1) + ". **" + label(f.severity) + "** " + code(f.rule) + ", line " + f.line +
        ", column " + f.column + ": " + mdText(f.message));
      out.push("   - Text: " + code(f.text));
      if (f.expected) out.push("   - Expected: " + mdText(f.expected.text));
      (f.notes || []).forEach(function (n) { out.push("   - Note: " + mdText(n)); });
      if (f.suggestion) {
        var old = state.checkedText.slice(f.suggestion.utf16_start, f.suggestion.utf16_end);
        out.push("   - " + (f.suggestion.safe ? "Fix" : "Suggestion") + ": replace " + code(old) +
          " with " + code(f.suggestion.replacement));
      }
    });
    var passed = r.passed || [];
    if (passed.length) {
      out.push("", "## Claims that hold", "");
      passed.forEach(function (p, i) {
        out.push((i + 1) + ". Line " + p.line + ": " + code(p.claim) + ": " + mdText(p.arithmetic) +
          "; " + mdText(p.verdict));
      });
    }
    out.push("");
    return out.join("\n");
  }

  // ---------- rules ----------

  function ruleIsOn(r) {
    return Object.prototype.hasOwnProperty.call(state.ruleOn, r.id) ? !!state.ruleOn[r.id] : r.enabled;
  }

  function renderRules() {
    var frag = document.createDocumentFragment();
    state.rules.forEach(function (r) {
      var box = el("input", { type: "checkbox", id: "nl-rule-" + r.id, "data-rule": r.id });
      box.checked = ruleIsOn(r);
      frag.appendChild(el("li", null,
        el("label", { for: "nl-rule-" + r.id }, box, " ", el("code", { text: r.id })),
        el("small", { text: r.summary + " (" + r.severity + ")" })));
    });
    ui.ruleList.replaceChildren(frag);
    var on = state.rules.filter(ruleIsOn).length;
    ui.rulesSummary.textContent = "Rules (" + on + " of " + state.rules.length + " on)";
  }

  // ---------- wiring ----------

  ui.check.addEventListener("click", function () { check(); });
  ui.edit.addEventListener("click", function () { setMode(false); ui.text.focus(); });
  ui.review.addEventListener("click", function () {
    if (state.report && ui.text.value === state.checkedText) setMode(true);
    else check();
  });
  ui.text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
  });
  var typing = null;
  ui.text.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(save, 400);
    if (state.report) setStatus("The text changed: press Check (Ctrl+Enter) to check it again.");
  });
  ui.format.addEventListener("change", function () { save(); if (state.report) check({ review: inReview() }); });
  ui.locale.addEventListener("change", function () { save(); if (state.report) check({ review: inReview() }); });
  ui.showInfo.addEventListener("change", function () { if (state.report) render(); });
  ui.showOk.addEventListener("change", function () { if (state.report) render(); });
  ui.applyAll.addEventListener("click", applyAll);
  ui.undo.addEventListener("click", undo);
  ui.copy.addEventListener("click", function () {
    var t = ui.text.value;
    var done = function () { setStatus("Copied the text (" + plural(t.length, "character", "characters") + ")."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(t).then(done, function () { setStatus("The browser refused the clipboard.", true); });
    } else {
      var wasHidden = ui.text.hidden;
      ui.text.hidden = false;
      ui.text.select();
      try { document.execCommand("copy"); done(); } catch (e) { setStatus("Copy failed: select the text by hand.", true); }
      ui.text.hidden = wasHidden;
    }
  });
  ui.dlJson.addEventListener("click", function () {
    download(baseName() + ".numlint.json", "application/json", JSON.stringify(state.report, null, 2) + "\n");
  });
  ui.dlMd.addEventListener("click", function () {
    download(baseName() + ".numlint.md", "text/markdown", markdownReport());
  });
  // The static report of the checked text, drawn by the server like `check --format html`.
  ui.dlHtml.addEventListener("click", function () {
    var t = state.checkedText;
    fetch("/v1/report", { method: "POST", headers: { "Content-Type": "application/json" }, body: requestBody(t) })
      .then(function (res) {
        if (!res.ok) {
          return res.json().catch(function () { return {}; }).then(function (d) {
            throw new Error(d && d.error ? d.error.message : "HTTP " + res.status);
          });
        }
        return res.text();
      })
      .then(function (html) { download(baseName() + ".numlint.html", "text/html", html); })
      .catch(function (e) { setStatus("The HTML report failed: " + e.message, true); });
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest(".nl-apply[data-apply]") : null;
    if (b) { e.preventDefault(); applyOne(Number(b.getAttribute("data-apply"))); }
  });
  // A list entry jumps to its figure: make sure the highlighted view is showing and current.
  document.addEventListener("click", function (e) {
    var g = e.target.closest ? e.target.closest(".nl-goto[data-ref]") : null;
    if (!g || inReview()) return;
    if (state.report && ui.text.value === state.checkedText) { setMode(true); return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    check().then(function () { marks.go(g.getAttribute("data-ref"), true); });
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "z" && (e.ctrlKey || e.metaKey) && !e.shiftKey && inReview() && state.undo.length) {
      e.preventDefault();
      undo();
    }
  });

  function loadFile(file) {
    if (!file) return;
    if (file.size > state.maxBody) {
      setStatus(file.name + " is " + file.size.toLocaleString() + " bytes; the server accepts at most " +
        state.maxBody.toLocaleString() + ".", true);
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      pushUndo(ui.text.value);
      ui.text.value = String(reader.result);
      state.fileName = file.name;
      save();
      check();
    };
    reader.onerror = function () { setStatus("Cannot read " + file.name + ".", true); };
    reader.readAsText(file);
  }
  ui.file.addEventListener("change", function () { loadFile(ui.file.files[0]); ui.file.value = ""; });
  ui.area.addEventListener("dragover", function (e) { e.preventDefault(); ui.area.classList.add("nl-drop"); });
  ui.area.addEventListener("dragleave", function () { ui.area.classList.remove("nl-drop"); });
  ui.area.addEventListener("drop", function (e) {
    e.preventDefault();
    ui.area.classList.remove("nl-drop");
    if (e.dataTransfer && e.dataTransfer.files.length) loadFile(e.dataTransfer.files[0]);
  });
  // Pasting over the whole text starts a new article: forget the file name it came from.
  ui.text.addEventListener("paste", function () {
    if (ui.text.selectionStart === 0 && ui.text.selectionEnd === ui.text.value.length) state.fileName = null;
  });

  ui.ruleList.addEventListener("change", function (e) {
    var id = e.target.getAttribute("data-rule");
    if (!id) return;
    state.ruleOn[id] = e.target.checked;
    save();
    renderRules();
    if (state.report) check({ review: inReview() });
  });
  ui.rulesReset.addEventListener("click", function () {
    state.ruleOn = {};
    save();
    renderRules();
    if (state.report) check({ review: inReview() });
  });

  restore();
  fetch("/v1/rules").then(function (r) { return r.json(); }).then(function (d) {
    state.rules = d.rules || [];
    renderRules();
  }).catch(function () { ui.rulesSummary.textContent = "Rules (unavailable)"; });
  fetch("/healthz").then(function (r) { return r.json(); }).then(function (d) {
    if (d.limits && d.limits.max_body_bytes) state.maxBody = d.limits.max_body_bytes;
  }).catch(function () { /* keep the default */ });
})();
