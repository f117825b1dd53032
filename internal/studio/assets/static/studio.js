// broadside studio: the little the page needs beyond HTML forms, in plain
// JavaScript (see docs/studio.md for why no library). Every form works
// without it; this adds live previews, live checks, the contrast ratio,
// the safe-zone toggle and the heartbeat.
"use strict";
(function () {
  var tokenMeta = document.querySelector('meta[name="broadside-token"]');
  var token = tokenMeta ? tokenMeta.content : "";

  function post(url, body, signal) {
    return fetch(url, { method: "POST", body: body, signal: signal, headers: { "X-Broadside-Token": token } });
  }
  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  document.querySelectorAll("[data-back]").forEach(function (a) {
    if (history.length > 1) a.addEventListener("click", function (e) { e.preventDefault(); history.back(); });
  });

  // Problems beside each field as the person types, in check's words.
  var checkForm = document.querySelector("form[data-check]");
  if (checkForm) {
    checkForm.addEventListener("input", debounce(function () {
      post("/api/check", new FormData(checkForm)).then(function (r) { return r.json(); }).then(function (res) {
        checkForm.querySelectorAll(".problem").forEach(function (p) {
          var key = p.id.replace(/^p-/, "");
          var msgs = (res.fields && res.fields[key]) || [];
          p.textContent = msgs.join(" ");
          var input = document.getElementById("f-" + key);
          if (input) input.setAttribute("aria-invalid", msgs.length ? "true" : "false");
        });
      }).catch(function () {});
    }, 300));
  }

  // Every card redrawn as the person types.
  var cardForm = document.querySelector("form[data-preview]");
  if (cardForm) {
    var theme = cardForm.dataset.theme;
    var inflight = {};
    var problem = document.getElementById("preview-problem");
    var redraw = function () {
      document.querySelectorAll("figure.card").forEach(function (fig) {
        var layout = fig.dataset.layout;
        if (inflight[layout]) inflight[layout].abort();
        var ctl = new AbortController();
        inflight[layout] = ctl;
        var fd = new FormData(cardForm);
        fd.set("layout", layout);
        fd.set("theme", theme);
        fig.setAttribute("aria-busy", "true");
        var img = fig.querySelector("img"), err = fig.querySelector(".fit-error");
        post("/api/preview", fd, ctl.signal).then(function (r) {
          if (r.ok) return r.blob().then(function (b) {
            var old = img.src;
            img.src = URL.createObjectURL(b);
            if (old.indexOf("blob:") === 0) URL.revokeObjectURL(old);
            img.hidden = false; err.hidden = true;
            img.dataset.drawn = String(Date.now());
          });
          return r.json().then(function (j) { err.textContent = j.error; err.hidden = false; img.hidden = true; });
        }).catch(function () {}).finally(function () { if (inflight[layout] === ctl) fig.removeAttribute("aria-busy"); });
      });
      post("/api/cardtext", new FormData(cardForm)).then(function (r) { return r.json(); }).then(function (res) {
        if (res.error) { problem.textContent = res.error; return; }
        problem.textContent = "";
        document.querySelectorAll("figure.card").forEach(function (fig) {
          var t = res[fig.dataset.layout];
          if (!t) return;
          fig.querySelector(".alt").textContent = t.Alt;
          fig.querySelector(".caption").textContent = t.Caption;
          fig.querySelector("img").alt = t.Alt;
          limits(fig.querySelector(".alt-limits"), t.AltLen);
          limits(fig.querySelector(".caption-limits"), t.CapLen);
        });
      }).catch(function () {});
    };
    var limits = function (el, uses) {
      el.textContent = "";
      uses.forEach(function (u) {
        var s = document.createElement("span");
        s.className = u.OK ? "ok" : "over";
        s.textContent = u.Platform + " " + u.Len + "/" + u.Max;
        el.appendChild(s);
        el.appendChild(document.createTextNode(" "));
      });
    };
    cardForm.addEventListener("input", debounce(redraw, 60));
  }

  var safe = document.querySelector("[data-safe-toggle]");
  if (safe) {
    var show = function () { document.querySelectorAll(".zones").forEach(function (z) { z.hidden = !safe.checked; }); };
    safe.addEventListener("change", show);
    show();
  }

  // The WCAG contrast ratio, live, as the engine computes it.
  var colors = document.querySelector("[data-contrast]");
  if (colors) {
    var lum = function (hex) {
      var v = parseInt(hex.slice(1), 16);
      return [v >> 16 & 255, v >> 8 & 255, v & 255].map(function (c) {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      }).reduce(function (a, c, i) { return a + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
    };
    var update = function () {
      var bg = colors.querySelector('[data-role="background"]').value;
      colors.querySelectorAll("input[type=color]").forEach(function (inp) {
        inp.parentNode.querySelector(".hex").textContent = inp.value;
        var out = document.getElementById("r-" + inp.dataset.role);
        if (!out) return;
        var a = lum(inp.value), b = lum(bg);
        var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        var min = parseFloat(inp.dataset.min);
        var shown = Math.floor(ratio * 10) / 10;
        out.textContent = shown.toFixed(1) + ":1 against the background" + (ratio < min ? ": too faint, needs " + min + ":1" : ": passes");
        out.className = "ratio " + (ratio < min ? "over" : "ok");
      });
    };
    colors.addEventListener("input", update);
  }

  // --quit-when-closed: say we are here, and say goodbye.
  if (document.querySelector('meta[name="broadside-heartbeat"]')) {
    var id = Math.random().toString(36).slice(2) + Date.now().toString(36);
    var beat = function (url) {
      var fd = new FormData();
      fd.set("token", token);
      fd.set("page", id);
      return fd;
    };
    var send = function () { post("/api/heartbeat", beat()).catch(function () {}); };
    send();
    setInterval(send, 20000);
    window.addEventListener("pagehide", function () { navigator.sendBeacon("/api/bye", beat()); });
  }
})();
