/// The lab page's markup, style and script (see `Lab`); the data and the compiled functions are
/// filled in by `html(...)`. The script is plain ES2017 with no dependency: it draws its own
/// SVG and makes no request.
enum LabTemplate {
  /// The page with its title, heading, JSON data and `[[f, f', ...], ...]` functions.
  static func html(
    language: String, title: String, heading: String, data: String, functions: String
  ) -> String {
    let w = { (p: LabPhrase) in PageText.escaped(p.text(language)) }
    return """
      <!DOCTYPE html>
      <html lang="\(language)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>\(heading): \(title)</title>
      <style>\(style)</style>
      </head>
      <body>
      <nav><a href="../index.html">\(w(.backToIndex))</a></nav>
      <h1>\(heading): \(title)</h1>
      <p class="lead">\(w(.labIntro))</p>
      <div class="lab">
      <div class="controls">
      <label for="case">\(w(.caseLabel))</label><select id="case"></select>
      <label for="derivative">\(w(.derivativeLabel))</label><select id="derivative"></select>
      <label for="x">\(w(.pointLabel)) <output id="x-value"></output></label>
      <input type="range" id="x" step="any" />
      <label for="h">\(w(.stepLabel)) <output id="h-value"></output></label>
      <input type="range" id="h" step="any" />
      <label for="scheme">\(w(.schemeLabel))</label><select id="scheme"></select>
      <label for="precision">\(w(.precisionLabel))</label><select id="precision"></select>
      <dl class="readout">
      <dt>\(w(.estimateLabel))</dt><dd id="estimate"></dd>
      <dt>\(w(.exactLabel))</dt><dd id="exact"></dd>
      <dt>\(w(.errorLabel))</dt><dd id="error"></dd>
      </dl>
      <p id="model"></p>
      <p id="latency"></p>
      </div>
      <div class="figure">
      <svg id="plot" viewBox="0 0 640 420" xmlns="http://www.w3.org/2000/svg" role="img"></svg>
      <p class="legend"><span><i class="swatch" style="border-top: 2px solid #1f77b4"></i>\(w(.measuredLabel))</span>
      <span><i class="swatch" style="border-top: 2px dashed #888"></i>\(w(.totalModelLabel))</span>
      <span><i class="swatch" style="border-top: 2px solid #d62728"></i>\(w(.notesStepsLabel))</span>
      <span id="zero-legend" hidden><i class="ring"></i>\(w(.zeroLabel))</span></p>
      <h2 style="font-size: 1rem">\(w(.notesStepsLabel))</h2>
      <div class="table-wrap"><table id="notes">
      <thead><tr><th>\(w(.stepColumn))</th><th>\(w(.estimateColumn))</th><th>\(w(.errorColumn))</th></tr></thead>
      <tbody id="notes-rows"></tbody>
      </table></div>
      </div>
      </div>
      <script type="application/json" id="lab-data">\(data)</script>
      <script>
      \(script)
      const FUNCTIONS = \(functions);
      \(labelPlacement)
      \(controller)
      </script>
      </body>
      </html>

      """
  }

  static let style = #"""

    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, "Noto Sans CJK KR", "Noto Sans", sans-serif; color: var(--ink);
      margin: 0 auto; max-width: 1200px; padding: 1rem; line-height: 1.45; }
    h1 { font-size: 1.4rem; margin: 0.2rem 0; overflow-wrap: anywhere; }
    p.lead { color: var(--muted); margin: 0.2rem 0 1rem; }
    nav a { color: #0969da; }
    .lab { display: grid; grid-template-columns: minmax(0, 320px) minmax(0, 1fr); gap: 1rem 1.5rem; }
    @media (max-width: 760px) { .lab { grid-template-columns: minmax(0, 1fr); } }
    .controls label { display: block; font-weight: 600; margin-top: 0.7rem; font-size: 0.9rem; }
    .controls select, .controls input[type=range] { width: 100%; max-width: 100%; }
    .controls output { font-weight: 400; font-variant-numeric: tabular-nums; color: var(--muted); }
    .readout { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.15rem 0.8rem;
      margin-top: 1rem; font-size: 0.95rem; }
    .readout dt { color: var(--muted); }
    .readout dd { margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-x: auto;
      font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    svg#plot { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 6px; }
    .legend { font-size: 0.85rem; color: var(--muted); margin: 0.3rem 0; }
    .legend span { white-space: nowrap; margin-right: 1rem; }
    .swatch { display: inline-block; width: 1.6em; height: 0; vertical-align: middle; margin-right: 0.3em; }
    .ring { display: inline-block; width: 0.65em; height: 0.65em; border: 1.5px solid #1f77b4;
      border-radius: 50%; vertical-align: middle; margin-right: 0.3em; }
    table { border-collapse: collapse; font-size: 0.9rem; margin-top: 0.6rem; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: right;
      font-variant-numeric: tabular-nums; white-space: nowrap; }
    th { text-align: right; color: var(--muted); font-weight: 600; }
    .table-wrap { max-width: 100%; overflow-x: auto; }
    #model, #latency { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
    """#

  static let script = #"""
    "use strict";
    // Rounding to IEEE binary16, nearest with ties to even (subnormals down to 2^-24, overflow to ±∞).
    function toHalf(v) {
      if (!isFinite(v) || v === 0) return v;
      const a = Math.abs(v);
      if (a >= 65520) return v > 0 ? Infinity : -Infinity;
      let e = Math.floor(Math.log2(a));
      if (Math.pow(2, e) > a) e -= 1;
      if (Math.pow(2, e + 1) <= a) e += 1;
      const q = Math.pow(2, Math.max(e, -14) - 10);
      const m = a / q, f = Math.floor(m), d = m - f;
      const r = d > 0.5 ? f + 1 : d < 0.5 ? f : (f % 2 === 0 ? f : f + 1);
      return (v < 0 ? -1 : 1) * r * q;
    }
    const ROUND = { half: toHalf, single: Math.fround, double: v => v };
    const EPS = { half: Math.pow(2, -10), single: Math.pow(2, -23), double: Math.pow(2, -52) };

    // A kernel: every operation of the compiled expressions, rounded to one precision.
    function kernel(r) {
      const u = g => v => r(g(r(v)));
      const realPow = (a, b) => {
        if (b === 0) return 1;
        if (a < 0 && b === Math.round(b)) {
          const m = Math.pow(-a, b);
          return (b / 2 === Math.round(b / 2)) ? m : -m;
        }
        return Math.pow(a, b);
      };
      return {
        r: r, c: v => r(v), PI: r(Math.PI), E: r(Math.E),
        a: (x, y) => r(x + y), m: (x, y) => r(x * y), d: (x, y) => r(x / y), s: x => r(x * x),
        p: (x, n) => r(Math.pow(x, n)), w: (x, y) => r(realPow(x, y)),
        exp: u(Math.exp), log: u(Math.log), sqrt: u(Math.sqrt), sin: u(Math.sin), cos: u(Math.cos),
        tan: u(Math.tan), tanh: u(Math.tanh), sinh: u(Math.sinh), cosh: u(Math.cosh),
        asin: u(Math.asin), acos: u(Math.acos), atan: u(Math.atan),
        sigmoid: x => r(1 / r(1 + r(Math.exp(-x)))), abs: x => Math.abs(x),
        relu: x => (x > 0 || isNaN(x)) ? x : 0, sign: x => x > 0 ? 1 : x < 0 ? -1 : x,
        step: x => x > 0 ? 1 : isNaN(x) ? x : 0
      };
    }
    const KERNELS = { half: kernel(toHalf), single: kernel(Math.fround), double: kernel(v => v) };

    // The tool's stencil sweep at one step, in precision p (FiniteDifference.stencilSweep).
    function estimate(f, method, x0, h0, p) {
      const r = ROUND[p], k = KERNELS[p];
      const x = r(x0), h = r(h0), hp = r(r(x + h) - x);
      let sum = 0;
      for (let i = 0; i < method.offsets.length; i++) {
        const o = method.offsets[i];
        const v = f(o === 0 ? x : r(x + r(r(o) * hp)), k);
        sum = r(sum + r(r(method.numerators[i]) * v));
      }
      let power = hp;
      for (let j = 1; j < method.derivative; j++) power = r(power * hp);
      return { estimate: hp > 0 ? r(sum / r(r(method.denominator) * power)) : NaN, spacing: hp };
    }

    // Truncation (the first non-vanishing Taylor term) and round-off (eps |f| sum|w| / h^q).
    function errorModel(fns, method, x, p) {
      const k = KERNELS.double, q = method.derivative;
      let c = 0, order = null, fact = 1;
      for (let j = 1; j < method.moments.length; j++) {
        fact *= j;
        if (j <= q || j >= fns.length || method.moments[j] === 0) continue;
        const dj = fns[j](x, k);
        if (!isFinite(dj) || dj === 0) continue;
        c = Math.abs(method.moments[j] / fact * dj); order = j - q; break;
      }
      const f0 = Math.abs(fns[0](x, k));
      return {
        order: order, constant: c,
        truncation: h => order === null ? 0 : c * Math.pow(h, order),
        roundoff: h => EPS[p] * f0 * method.weightSum / Math.pow(h, q)
      };
    }

    function format(v, digits) {
      if (v === null || v === undefined || !isFinite(v)) return null;
      return String(Number(v.toPrecision(digits))).replace("e+", "e");
    }
    """#

  static let controller = #"""
    const DATA = JSON.parse(document.getElementById("lab-data").textContent);
    const W = DATA.words, $ = id => document.getElementById(id);
    const state = { c: 0, q: 0, x: 0, h: 0, scheme: "", p: "" };

    function option(select, value, label) {
      const o = document.createElement("option"); o.value = value; o.textContent = label;
      select.appendChild(o);
    }
    function methodsFor(q) { return DATA.methods.filter(m => m.derivative === q); }
    function method() {
      return methodsFor(state.q).find(m => m.name === state.scheme) || methodsFor(state.q)[0];
    }
    // The swept step nearest to 10^v when v is within 0.02 decades of it, else 10^v.
    function stepOf(v) {
      let best = null;
      for (const s of DATA.steps) {
        const d = Math.abs(Math.log10(s) - v);
        if (d < 0.02 && (best === null || d < best.d)) best = { s: s, d: d };
      }
      return best ? best.s : Math.pow(10, v);
    }
    function fillCases() {
      const sel = $("case");
      DATA.cases.forEach((c, i) => c.points.forEach((p, j) =>
        option(sel, i + ":" + j, "f(" + c.variable + ") = " + c.f + ",  " + c.variable + " = " + p)));
    }
    function fillDerivatives() {
      const sel = $("derivative"), c = DATA.cases[state.c];
      sel.textContent = "";
      c.derivatives.forEach(q => option(sel, q, q === 1 ? "f′" : q === 2 ? "f″" : "f⁽" + q + "⁾"));
      sel.value = String(state.q);
    }
    function fillSchemes() {
      const sel = $("scheme"), names = methodsFor(state.q).map(m => m.name);
      const order = DATA.schemes.filter(n => names.includes(n)).concat(names.filter(n => !DATA.schemes.includes(n)));
      sel.textContent = "";
      order.forEach(n => option(sel, n, methodsFor(state.q).find(m => m.name === n).label));
      if (!order.includes(state.scheme)) state.scheme = order[0];
      sel.value = state.scheme;
    }
    function selectCase(value) {
      const [i, j] = value.split(":").map(Number), c = DATA.cases[i];
      state.c = i; state.x = c.points[j];
      state.q = Math.min(c.derivative, c.derivatives[c.derivatives.length - 1]);
      const span = Math.max(1, Math.abs(state.x) / 2), xs = $("x");
      xs.min = String(state.x - span); xs.max = String(state.x + span); xs.value = String(state.x);
      fillDerivatives(); fillSchemes();
    }
    function show(id, v, digits) { $(id).textContent = format(v, digits) ?? W.notFinite; }

    function compute(h) {
      const fns = FUNCTIONS[state.c], m = method(), k = KERNELS.double;
      const xr = ROUND[state.p](state.x);
      const exact = fns[state.q] ? fns[state.q](xr, k) : NaN;
      const e = estimate(fns[0], m, state.x, h, state.p);
      return { estimate: e.estimate, error: Math.abs(e.estimate - exact), exact: exact, spacing: e.spacing };
    }
    function update() {
      const t0 = performance.now();
      const m = method(), fns = FUNCTIONS[state.c];
      const now = compute(state.h);
      show("estimate", now.estimate, 17); show("exact", now.exact, 17); show("error", now.error, 3);
      $("h-value").textContent = format(state.h, 4); $("x-value").textContent = format(state.x, 8);
      const model = errorModel(fns, m, ROUND[state.p](state.x), state.p);
      const curve = DATA.steps.map(h => { const c = compute(h); return { h: h, err: c.error, est: c.estimate }; });
      const notes = DATA.notesSteps.map(h => Object.assign({ h: h }, compute(h)));
      const body = $("notes-rows"); body.textContent = "";
      for (const n of notes) {
        const tr = document.createElement("tr");
        [format(n.h, 3), format(n.estimate, 17) ?? W.notFinite, format(n.error, 3) ?? "–"].forEach(t => {
          const td = document.createElement("td"); td.textContent = t; tr.appendChild(td);
        });
        body.appendChild(tr);
      }
      const sup = n => String(n).split("").map(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)]).join("");
      $("model").textContent = W.modelLabel + ": " + (model.order === null ? W.exactTruncation :
        W.truncationLabel + " " + format(model.constant, 3) + "·h" + sup(model.order)) +
        " + " + W.roundoffLabel + " ε·|f|·Σ|w|/h" + sup(m.derivative) + ", ε = 2" + "⁻" + sup(Math.round(-Math.log2(EPS[state.p])));
      draw(curve, model, notes, now);
      // What a test reads: the numbers behind the curve and the readout.
      window.labLast = { curve: curve, notes: notes, estimate: now.estimate, error: now.error,
        x: state.x, h: state.h, scheme: m.name, precision: state.p, derivative: m.derivative };
      document.body.dataset.updateMs = (performance.now() - t0).toFixed(2);
      $("latency").textContent = W.latency + " " + (performance.now() - t0).toFixed(1) + " ms";
    }

    const SVG = "http://www.w3.org/2000/svg";
    function el(name, attrs, parent, text) {
      const e = document.createElementNS(SVG, name);
      for (const a in attrs) e.setAttribute(a, attrs[a]);
      if (text !== undefined) e.textContent = text;
      parent.appendChild(e); return e;
    }
    function draw(curve, model, notes, now) {
      const svg = $("plot"); svg.textContent = "";
      // A unit of the drawing is a CSS pixel up to 640 wide, so that its text keeps its size on
      // a phone (redrawn when the window is resized).
      const shown = svg.getBoundingClientRect().width || 640;
      const Wd = Math.round(Math.min(640, Math.max(280, shown))), Ht = Math.max(340, Math.round(Wd * 420 / 640));
      const L = 64, R = 16, T = 16, B = 48;
      svg.setAttribute("viewBox", "0 0 " + Wd + " " + Ht);
      const hs = DATA.steps, lx0 = Math.floor(Math.log10(Math.min(...hs))), lx1 = Math.ceil(Math.log10(Math.max(...hs)));
      const ms = hs.map(h => model.truncation(h) + model.roundoff(h));
      const ys = curve.map(c => c.err).concat(ms).filter(v => isFinite(v) && v > 0);
      // At least 1.2 decades of room above the largest error and below the smallest: a label
      // beside a mark at the top or the bottom.
      let ly0 = Math.floor(Math.min(Math.log10(Math.min(...ys)) - 1.2, -17)), ly1 = Math.ceil(Math.log10(Math.max(...ys, 1e-16)) + 1.2);
      ly0 = Math.max(ly0, ly1 - 24);
      const X = h => L + (Math.log10(h) - lx0) / (lx1 - lx0) * (Wd - L - R);
      const Y = v => T + (ly1 - Math.log10(v)) / (ly1 - ly0) * (Ht - T - B);
      const g = el("g", { "font-size": "12", fill: "#333" }, svg);
      for (let e = lx0; e <= lx1; e++) {
        el("line", { x1: X(Math.pow(10, e)), x2: X(Math.pow(10, e)), y1: T, y2: Ht - B, stroke: "#e5e5e5" }, g);
        if ((e - lx0) % Math.ceil((lx1 - lx0) / Math.max(2, Math.min(8, Math.floor((Wd - L - R) / 56)))) === 0)
          el("text", { x: X(Math.pow(10, e)), y: Ht - B + 16, "text-anchor": "middle" }, g, "1e" + e);
      }
      const ystep = Math.ceil((ly1 - ly0) / Math.max(2, Math.min(8, Math.floor((Ht - T - B) / 36))));
      for (let e = ly0; e <= ly1; e++) {
        el("line", { x1: L, x2: Wd - R, y1: Y(Math.pow(10, e)), y2: Y(Math.pow(10, e)), stroke: "#e5e5e5" }, g);
        if ((ly1 - e) % ystep === 0)
          el("text", { x: L - 6, y: Y(Math.pow(10, e)) + 4, "text-anchor": "end" }, g, "1e" + e);
      }
      el("rect", { x: L, y: T, width: Wd - L - R, height: Ht - T - B, fill: "none", stroke: "#999" }, g);
      el("text", { x: (L + Wd - R) / 2, y: Ht - 10, "text-anchor": "middle" }, g, W.axisStep);
      el("text", { x: 14, y: (T + Ht - B) / 2, "text-anchor": "middle", transform: "rotate(-90 14 " + (T + Ht - B) / 2 + ")" }, g, W.axisError);
      const clip = v => Math.min(Math.max(v, T), Ht - B);
      // An error of exactly zero sits on the bottom edge (hollow on the curve).
      const yOf = v => v === 0 ? Ht - B : clip(Y(v));
      const screen = pts => pts.filter(p => isFinite(p[1]) && p[1] > 0).map(p => [X(p[0]), clip(Y(p[1]))]);
      const path = pts => screen(pts).map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1)).join(" ");
      const modelPoints = hs.map((h, i) => [h, ms[i]]), errorPoints = curve.map(c => [c.h, c.err]);
      el("path", { d: path(modelPoints), fill: "none", stroke: "#999", "stroke-width": 4, "stroke-dasharray": "8 5", id: "model-curve" }, svg);
      el("path", { d: path(errorPoints), fill: "none", stroke: "#1f77b4", "stroke-width": 2, id: "error-curve" }, svg);
      const avoid = samples(screen(modelPoints)).concat(samples(screen(errorPoints)));
      curve.forEach(c => {
        if (!isFinite(c.err)) return;
        const zero = c.err === 0;
        el("circle", { cx: X(c.h), cy: yOf(c.err), r: zero ? 3.5 : 2.5,
          fill: zero ? "white" : "#1f77b4", stroke: "#1f77b4", class: zero ? "zero" : "point" }, svg);
        if (zero) avoid.push(...ring(X(c.h), yOf(0), 3.5));
      });
      const marked = notes.filter(n => isFinite(n.error));
      const hasNow = isFinite(now.error);
      if (hasNow) avoid.push(...ring(X(state.h), yOf(now.error), 6));
      marked.forEach(n => avoid.push(...ring(X(n.h), yOf(n.error), 5)));
      const frame = { x0: L, x1: Wd - R, y0: T, y1: Ht - B };
      // The current step under the notes' rings: a ring around it says it is one of the notes' steps.
      if (hasNow)
        el("circle", { cx: X(state.h), cy: yOf(now.error), r: 6, fill: now.error === 0 ? "white" : "#ff7f0e",
          stroke: "#ff7f0e", "stroke-width": 2, id: "current" }, svg);
      // On a narrow drawing a label names the step only (the table below has the estimate).
      const at = marked.map(n => [X(n.h), yOf(n.error)]), narrow = Wd < 480;
      const labels = marked.map((n, k) => {
        el("circle", { cx: at[k][0], cy: at[k][1], r: 5, fill: "none", stroke: "#d62728", "stroke-width": 2, class: "note-mark" }, svg);
        return el("text", { x: 0, y: 0, fill: "#d62728", "font-size": "12", stroke: "white", "stroke-width": 3,
          "paint-order": "stroke", class: "note-label" }, svg, "h = " + format(n.h, 3) + (narrow ? "" : ": " + format(n.estimate, 8)));
      });
      const plan = spotsFor(labels.map(t => t.getBBox()), at, avoid, frame);
      labels.forEach((t, k) => {
        const s = plan[k];
        t.setAttribute("x", s.spot[0]); t.setAttribute("y", s.spot[1]); t.setAttribute("text-anchor", s.spot[2]);
        if (!s.leader) return;
        const [[x1, y1], [x2, y2]] = s.leader;
        svg.insertBefore(el("line", { x1: x1, y1: y1, x2: x2, y2: y2, stroke: "#d62728", "stroke-width": 1, class: "note-leader" }, svg), t);
      });
      el("line", { x1: X(state.h), x2: X(state.h), y1: T, y2: Ht - B, stroke: "#ff7f0e", "stroke-dasharray": "2 3" }, svg);
      $("zero-legend").hidden = !(curve.some(c => c.err === 0) || marked.some(n => n.error === 0) || now.error === 0);
    }

    function start() {
      fillCases();
      const p = $("precision");
      DATA.precisions.forEach(n => option(p, n, W[n]));
      state.p = DATA.precisions[0];
      state.scheme = DATA.schemes[0];
      selectCase("0:0");
      const hs = $("h"), steps = DATA.steps;
      hs.min = String(Math.log10(Math.min(...steps))); hs.max = String(Math.log10(Math.max(...steps)));
      // The notes' first step when it was swept, else the largest step.
      const h0 = steps.includes(0.1) ? 0.1 : Math.max(...steps);
      hs.value = String(Math.log10(h0)); state.h = h0;
      $("case").addEventListener("change", e => { selectCase(e.target.value); update(); });
      $("derivative").addEventListener("change", e => { state.q = Number(e.target.value); fillSchemes(); update(); });
      $("x").addEventListener("input", e => { state.x = Number(e.target.value); update(); });
      hs.addEventListener("input", e => { state.h = stepOf(Number(e.target.value)); update(); });
      $("scheme").addEventListener("change", e => { state.scheme = e.target.value; update(); });
      p.addEventListener("change", e => { state.p = e.target.value; update(); });
      let pending = false;
      window.addEventListener("resize", () => {
        if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; update(); }); }
      });
      update();
    }
    start();
    """#
}
