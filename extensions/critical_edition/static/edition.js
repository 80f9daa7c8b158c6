/* Reading aids of the critical edition.
 *
 * 1. Settings: the reader's choices (disputes by verdict, notes, name
 *    highlighting, furniture, reader comments, colour scheme) live in
 *    localStorage and are applied to <html> as classes before the page paints.
 * 2. Reading controls on source pages, a colour-scheme choice on every page.
 * 3. Previews: hovering or focusing a link to a register entry, or a dispute
 *    or note marker, shows a tooltip; Esc or moving away closes it.
 * 4. "Cite this passage": a button on every segment copies its citation.
 *
 * Served from the site itself; no inline script, no style attribute in the
 * markup (element.style set from here is allowed by the page's CSP). Every
 * element inserted inside a segment carries data-editorial (HTML contract).
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var KEY = "ed-reading-settings";
  var VERDICTS = ["incorrect", "imprecise", "anachronistic", "misattributed",
                  "contested", "unsupported", "corroborated"];
  var DEFAULTS = { hiddenVerdicts: [], notes: true, entities: true,
                   furniture: true, comments: true, theme: "auto" };

  /* -- 1. settings --------------------------------------------------------- */

  function load() {
    var settings = {}, stored = {};
    try { stored = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { stored = {}; }
    Object.keys(DEFAULTS).forEach(function (k) {
      settings[k] = Object.prototype.hasOwnProperty.call(stored, k) ? stored[k] : DEFAULTS[k];
    });
    if (!Array.isArray(settings.hiddenVerdicts)) { settings.hiddenVerdicts = []; }
    return settings;
  }

  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode */ }
  }

  function apply(settings) {
    VERDICTS.forEach(function (v) {
      root.classList.toggle("ed-hide-verdict-" + v, settings.hiddenVerdicts.indexOf(v) >= 0);
    });
    root.classList.toggle("ed-hide-notes", !settings.notes);
    root.classList.toggle("ed-plain-names", !settings.entities);
    root.classList.toggle("ed-hide-furniture", !settings.furniture);
    root.classList.toggle("ed-hide-comments", !settings.comments);
    if (settings.theme === "light" || settings.theme === "dark") {
      root.setAttribute("data-ed-theme", settings.theme);
    } else {
      root.removeAttribute("data-ed-theme");
    }
  }

  var settings = load();
  apply(settings);

  function update(change) {
    Object.keys(change).forEach(function (k) { settings[k] = change[k]; });
    apply(settings);
    save(settings);
  }

  /* -- helpers ---------------------------------------------------------------- */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function hashOf(link) {
    var href = link.getAttribute("href") || "";
    var i = href.indexOf("#");
    if (i < 0) { return ""; }
    try { return decodeURIComponent(href.slice(i + 1)); } catch (e) { return href.slice(i + 1); }
  }

  var status;
  function announce(message) {
    if (!status) {
      status = el("div", { "class": "ed-toast", role: "status", "aria-live": "polite" });
      document.body.appendChild(status);
    }
    status.textContent = message;
    status.classList.add("ed-toast-shown");
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { status.classList.remove("ed-toast-shown"); }, 4000);
  }

  /* -- 2. controls ------------------------------------------------------------ */

  function checkbox(label, checked, onChange, attrs) {
    var wrap = el("label", { "class": "ed-check" });
    var box = el("input", Object.assign({ type: "checkbox" }, attrs || {}));
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + label));
    return wrap;
  }

  function count(selector) { return document.querySelectorAll(selector).length; }

  function readingControls(text) {
    var panel = el("details", { "class": "ed-controls", id: "ed-controls" });
    panel.appendChild(el("summary", {}, "Reading controls"));
    var present = VERDICTS.filter(function (v) { return count("aside.ed-dispute[data-verdict='" + v + "']"); });
    if (present.length) {
      var verdicts = el("fieldset", { "class": "ed-controls-verdicts" });
      verdicts.appendChild(el("legend", {}, "Disputes, by verdict"));
      present.forEach(function (v) {
        var n = count("aside.ed-dispute[data-verdict='" + v + "']");
        verdicts.appendChild(checkbox(v + " (" + n + ")", settings.hiddenVerdicts.indexOf(v) < 0, function (on) {
          var hidden = settings.hiddenVerdicts.filter(function (x) { return x !== v; });
          if (!on) { hidden.push(v); }
          update({ hiddenVerdicts: hidden });
        }, { "data-ed-verdict-toggle": v }));
      });
      panel.appendChild(verdicts);
    }
    var show = el("fieldset", { "class": "ed-controls-show" });
    show.appendChild(el("legend", {}, "Show"));
    var options = [
      ["notes", "editorial notes (" + count("aside.ed-note") + ")", count("aside.ed-note")],
      ["entities", "names linked to the registers", count("a.ed-mention")],
      ["furniture", "site furniture (" + count(".ed-seg.ed-furniture") + " lines)", count(".ed-seg.ed-furniture")],
      ["comments", "reader comments (" + count(".ed-seg.ed-comment") + " lines)", count(".ed-seg.ed-comment")]
    ];
    options.forEach(function (o) {
      if (!o[2]) { return; }
      show.appendChild(checkbox(o[1], settings[o[0]], function (on) {
        var change = {}; change[o[0]] = on; update(change);
      }, { "data-ed-toggle": o[0] }));
    });
    panel.appendChild(show);
    panel.appendChild(el("p", { "class": "ed-controls-hint" },
      "Your choices apply to every source page and are kept in this browser. Hidden lines stay in the text and in its numbering."));
    text.parentNode.insertBefore(panel, text);
  }

  function themeControl() {
    var wrap = el("div", { "class": "ed-theme" });
    var select = el("select", { id: "ed-theme-select" });
    [["auto", "as the system"], ["light", "light"], ["dark", "dark"]].forEach(function (o) {
      var option = el("option", { value: o[0] }, o[1]);
      if (settings.theme === o[0]) { option.selected = true; }
      select.appendChild(option);
    });
    select.addEventListener("change", function () { update({ theme: select.value }); });
    wrap.appendChild(el("label", { "for": "ed-theme-select" }, "Colours: "));
    wrap.appendChild(select);
    var sidebar = document.querySelector(".sphinxsidebarwrapper");
    if (sidebar) { sidebar.appendChild(wrap); } else { document.body.insertBefore(wrap, document.body.firstChild); }
  }

  /* Markers carry their dispute's verdict, so that a verdict filter hides them too. */
  function tagMarkers() {
    document.querySelectorAll(".ed-marker").forEach(function (marker) {
      var link = marker.querySelector("a");
      var target = link && document.getElementById(hashOf(link));
      if (target && target.getAttribute("data-verdict")) {
        marker.setAttribute("data-ed-verdict", target.getAttribute("data-verdict"));
      }
    });
  }

  /* -- 3. previews ------------------------------------------------------------ */

  var preview, current, showTimer, hideTimer;

  function previewFor(link) {
    var hash = hashOf(link);
    if (hash.indexOf("entity-") === 0) {
      var data = window.edPreviews && window.edPreviews[hash.slice(7)];
      if (!data) { return null; }
      var kind = data.type.charAt(0).toUpperCase() + data.type.slice(1) + (data.dates ? " \u00b7 " + data.dates : "");
      var more = data.mentions === 1 ? "Named in 1 passage" : "Named in " + data.mentions + " passages";
      return [kind, data.name, data.text, more + " \u00b7 follow the link for the register entry"];
    }
    if (link.classList.contains("ed-marker-link") || /^(dispute|note)-/.test(hash)) {
      var box = document.getElementById(hash);
      if (!box || !box.hasAttribute("data-summary")) { return null; }
      var title = box.querySelector(".ed-annotation-title");
      var quote = box.querySelector(".ed-quote");
      return [title ? title.textContent : "", quote ? "\u201c" + quote.textContent + "\u201d" : "",
              box.getAttribute("data-summary"), "Follow the link for the full annotation"];
    }
    return null;
  }

  function place(link) {
    var r = link.getBoundingClientRect();
    var margin = 8, width = Math.min(360, window.innerWidth - 2 * margin);
    preview.style.maxWidth = width + "px";
    var left = Math.min(Math.max(margin, r.left), window.innerWidth - preview.offsetWidth - margin);
    var top = r.bottom + 6;
    if (top + preview.offsetHeight > window.innerHeight - margin && r.top - preview.offsetHeight - 6 > margin) {
      top = r.top - preview.offsetHeight - 6;
    }
    preview.style.left = (left + window.scrollX) + "px";
    preview.style.top = (top + window.scrollY) + "px";
  }

  function show(link) {
    var content = previewFor(link);
    if (!content) { return; }
    if (!preview) {
      preview = el("div", { id: "ed-preview", "class": "ed-preview", role: "tooltip" });
      preview.hidden = true;
      preview.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      preview.addEventListener("mouseleave", function () { scheduleHide(); });
      document.body.appendChild(preview);
    }
    if (current && current !== link) { current.removeAttribute("aria-describedby"); }
    preview.textContent = "";
    ["ed-preview-kind", "ed-preview-title", "ed-preview-text", "ed-preview-more"].forEach(function (cls, i) {
      if (content[i]) { preview.appendChild(el("p", { "class": cls }, content[i])); }
    });
    current = link;
    link.setAttribute("aria-describedby", "ed-preview");
    preview.hidden = false;
    place(link);
  }

  function hide() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    if (preview) { preview.hidden = true; }
    if (current) { current.removeAttribute("aria-describedby"); current = null; }
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function trigger(target) {
    var link = target && target.closest ? target.closest("a[href]") : null;
    if (!link || link.closest("#ed-preview")) { return null; }
    var hash = hashOf(link);
    return /^(entity|dispute|note)-/.test(hash) ? link : null;
  }

  function previews() {
    document.addEventListener("mouseover", function (e) {
      var link = trigger(e.target);
      if (!link) { return; }
      window.clearTimeout(hideTimer);
      window.clearTimeout(showTimer);
      showTimer = window.setTimeout(function () { show(link); }, 150);
    });
    document.addEventListener("mouseout", function (e) {
      var link = trigger(e.target);
      if (link && !(e.relatedTarget && link.contains(e.relatedTarget))) {
        window.clearTimeout(showTimer);
        scheduleHide();
      }
    });
    document.addEventListener("focusin", function (e) {
      var link = trigger(e.target);
      if (link) { show(link); } else { hide(); }
    });
    document.addEventListener("focusout", function (e) {
      if (trigger(e.target)) { hide(); }
    });
    document.addEventListener("keydown", function (e) {
      if ((e.key === "Escape" || e.key === "Esc") && preview && !preview.hidden) {
        hide();
        e.preventDefault();
      }
    });
  }

  /* -- 4. cite this passage ----------------------------------------------------- */

  function citation(seg) {
    var text = seg.closest(".ed-text");
    var n = seg.getAttribute("data-segment");
    var url = window.location.href.split("#")[0] + "#s" + n;
    return text.getAttribute("data-short-title") + ", \u00a7" + n + ", in: " +
      text.getAttribute("data-edition-title") + ", " + url;
  }

  function copyText(value) {
    function fallback() {
      var area = el("textarea", { "class": "ed-copy-buffer", readonly: "", "aria-hidden": "true" });
      area.value = value;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value).catch(fallback);
    }
    return fallback();
  }

  function citeButtons() {
    document.querySelectorAll(".ed-text .ed-seg[data-segment]").forEach(function (seg) {
      var label = seg.closest(".ed-text").getAttribute("data-short-title") + ", \u00a7" + seg.getAttribute("data-segment");
      var button = el("button", { type: "button", "class": "ed-cite", "data-editorial": "",
                                  "aria-label": "Cite this passage: " + label, title: "Copy a citation of " + label }, "cite");
      button.addEventListener("click", function () {
        var value = citation(seg);
        copyText(value).then(function () { announce("Citation copied: " + value); },
                             function () { announce("Copy this citation: " + value); });
      });
      var number = seg.querySelector(".ed-n");
      seg.insertBefore(button, number ? number.nextSibling : seg.firstChild);
    });
  }

  /* Sphinx marks toctree captions role="heading" without a level (axe: critical). */
  function captionLevels() {
    document.querySelectorAll("p.caption[role='heading']:not([aria-level])").forEach(function (p) {
      p.setAttribute("aria-level", p.closest(".sphinxsidebar") ? "4" : "2");
    });
  }

  /* -- start ------------------------------------------------------------------ */

  function init() {
    var text = document.querySelector(".ed-text");
    if (text) {
      tagMarkers();
      readingControls(text);
      citeButtons();
    }
    themeControl();
    captionLevels();
    previews();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
