/* numlint marks: hover cards, focus and keyboard navigation over highlighted figures.
 * Shared by the served page (web/app.js draws the markup from the API's JSON) and the static
 * report (src/report/html.rs writes it), so both behave alike.
 *
 * Markup contract:
 *   <mark class="nl-mark nl-{error|warning|info|ok}" data-refs="ID ID..." [id="nl-m-ID" tabindex="0"]>
 *     one piece of highlighted text; data-refs lists the annotations covering it, worst first;
 *     the first piece of each annotation carries its anchor id and is in the tab order.
 *   <div class="nl-card nl-{class}" id="nl-card-ID" data-ref="ID"> the explanation of ID
 *     (inside a hidden .nl-cards holder).
 *   <a|button class="nl-goto" data-ref="ID"> a list entry that jumps to ID's first mark.
 *
 * Keys: hovering or focusing a mark shows its card; Enter on a mark moves focus into the card
 * (to reach its buttons); Escape closes it; j / k (or n / p) go to the next / previous figure.
 */
(function (global) {
  "use strict";

  var HIDE_DELAY_MS = 250;

  function attach(root, options) {
    root = root || document;
    options = options || {};
    var doc = root.ownerDocument || root;
    var pop = doc.createElement("div");
    pop.className = "nl-popover";
    pop.setAttribute("role", "group");
    pop.setAttribute("aria-label", "Explanation");
    pop.hidden = true;
    doc.body.appendChild(pop);
    var current = null; // the mark whose card is shown
    var hideTimer = null;

    // The script draws its own cards; the no-script title tooltips would double them.
    Array.prototype.forEach.call(root.querySelectorAll(".nl-mark[title]"), function (m) {
      m.removeAttribute("title");
    });

    function cardFor(ref) {
      return doc.getElementById("nl-card-" + ref);
    }

    function show(mark) {
      clearTimeout(hideTimer);
      if (current === mark && !pop.hidden) return;
      current = mark;
      pop.innerHTML = "";
      (mark.getAttribute("data-refs") || "").split(/\s+/).forEach(function (ref) {
        var card = ref && cardFor(ref);
        if (card) {
          var copy = card.cloneNode(true);
          copy.removeAttribute("id");
          copy.removeAttribute("role");
          pop.appendChild(copy);
        }
      });
      if (!pop.firstChild) return;
      pop.hidden = false;
      place(mark);
      if (options.onShow) options.onShow(mark, pop);
    }

    function place(mark) {
      var r = mark.getBoundingClientRect();
      var sx = global.scrollX || 0, sy = global.scrollY || 0;
      var vw = doc.documentElement.clientWidth, vh = doc.documentElement.clientHeight;
      pop.style.left = "0px";
      pop.style.top = "0px";
      var w = pop.offsetWidth, h = pop.offsetHeight;
      var left = Math.max(4, Math.min(r.left, vw - w - 4));
      var below = r.bottom + 6;
      var top = below + h > vh && r.top - h - 6 > 0 ? r.top - h - 6 : below;
      pop.style.left = left + sx + "px";
      pop.style.top = top + sy + "px";
    }

    function hide() {
      clearTimeout(hideTimer);
      pop.hidden = true;
      current = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(function () {
        if (pop.contains(doc.activeElement)) return;
        if (current && (current.matches(":hover") || current === doc.activeElement)) return;
        if (pop.matches(":hover")) return;
        hide();
      }, HIDE_DELAY_MS);
    }

    function markOf(el) {
      return el && el.closest ? el.closest(".nl-mark") : null;
    }

    function stops() {
      return Array.prototype.slice.call(root.querySelectorAll(".nl-mark[tabindex='0']"));
    }

    function go(ref, flash) {
      var m = doc.getElementById("nl-m-" + ref);
      if (!m) return false;
      m.scrollIntoView({ block: "center", behavior: "auto" });
      m.focus({ preventScroll: true });
      if (flash) {
        m.classList.remove("nl-flash");
        void m.offsetWidth;
        m.classList.add("nl-flash");
      }
      show(m);
      return true;
    }

    function step(from, dir) {
      var all = stops();
      if (!all.length) return;
      var i = all.indexOf(from);
      var next = i < 0 ? (dir > 0 ? 0 : all.length - 1) : (i + dir + all.length) % all.length;
      all[next].scrollIntoView({ block: "center" });
      all[next].focus({ preventScroll: true });
    }

    root.addEventListener("mouseover", function (e) {
      var m = markOf(e.target);
      if (m) show(m);
    });
    root.addEventListener("mouseout", function (e) {
      if (markOf(e.target)) hideSoon();
    });
    pop.addEventListener("mouseleave", hideSoon);
    pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    root.addEventListener("focusin", function (e) {
      var m = markOf(e.target);
      if (m) show(m);
    });
    root.addEventListener("focusout", function (e) {
      if (markOf(e.target)) hideSoon();
    });
    pop.addEventListener("focusout", hideSoon);

    root.addEventListener("click", function (e) {
      var g = e.target.closest ? e.target.closest(".nl-goto[data-ref]") : null;
      if (g && !(e.target.closest && e.target.closest(".nl-apply"))) {
        if (go(g.getAttribute("data-ref"), true)) e.preventDefault();
      }
    });

    doc.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      var m = markOf(t);
      if (e.key === "Escape" && !pop.hidden) {
        var back = current;
        hide();
        if (back && pop.contains(t)) back.focus();
        else if (back && t !== back) { /* pointer card: just close it */ }
        e.preventDefault();
        return;
      }
      if (m && (e.key === "Enter" || e.key === " ")) {
        show(m);
        var first = pop.querySelector("button, a[href]");
        if (first) first.focus();
        e.preventDefault();
        return;
      }
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (typing) return;
      if (e.key === "j" || e.key === "n") { step(m, 1); e.preventDefault(); }
      else if (e.key === "k" || e.key === "p") { step(m, -1); e.preventDefault(); }
    });

    global.addEventListener("resize", function () { if (current && !pop.hidden) place(current); });

    return { show: show, hide: hide, go: go, popover: pop };
  }

  global.NumlintMarks = { attach: attach };
})(window);
