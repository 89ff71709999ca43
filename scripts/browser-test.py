#!/usr/bin/env python3
"""The pages in a real browser: headless Chromium through Selenium and Debian's chromedriver.

usage: browser-test.py OUTPUT_DIR [--driver /usr/bin/chromedriver] [--labs NAME,...]

For Output/index.html and every Output/<name>/lab.html:
- no request leaves file:// (http and https are blocked, and the performance log inspected);
- no console error; every image loads; every formula typeset by KaTeX (index);
- no horizontal overflow at 360, 1400 and 1920 px wide.
For every lab page, against the experiment's own errors.csv: each (case, point, precision,
scheme) sweep the page offers is selected through its controls, and the page's curve and its
readout at the notes' steps (and two more steps, moved to with the h slider) agree with the
tool's estimates within the round-off the error model predicts, 4 eps (|f| sum|w| / h^q + |D|),
and bit for bit where the arithmetic is exact (a function without elementary functions, in
double). Moving each control changes the numbers and the curve. Slider latency (the page's own
update time, and the round trip through the driver) is printed, not asserted. In every state
visited the plot's note labels stay inside the frame and cross no curve, mark or other label,
and the legend explains zero errors on the bottom edge exactly when there are some.
Exit status 1 with a list of failures.
"""
import csv, json, math, os, statistics, sys, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

EPS = {"half": 2.0**-10, "single": 2.0**-23, "double": 2.0**-52}
WIDTHS = [360, 1400, 1920]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message, flush=True)


def browser(driver_path):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--allow-file-access-from-files", "--hide-scrollbars", "--window-size=1400,1000"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws*"]})
    return driver


def drain(driver, page):
    """Console errors and requests that left file:// since the last call."""
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            fail(f"{page}: console error: {entry['message']}")
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:", "blob:", "about:")):
                fail(f"{page}: request leaves file://: {url}")


def set_width(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})


def check_layout(driver, page):
    for width in WIDTHS:
        set_width(driver, width)
        time.sleep(0.05)
        over = driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth];")
        if over[0] > over[1]:
            fail(f"{page}: horizontal overflow at {width} px ({over[0]} > {over[1]})")
    set_width(driver, 1400)


def check_static(driver, page):
    # Lazy images load when scrolled to: ask for all of them, and wait (up to 30 s).
    driver.execute_script("document.querySelectorAll('img').forEach(i => i.loading = 'eager');")
    for _ in range(300):
        if driver.execute_script("return Array.from(document.images).every(i => i.complete);"):
            break
        time.sleep(0.1)
    broken = driver.execute_script("""
      return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)
        .map(i => i.getAttribute('src'));""")
    for src in broken:
        fail(f"{page}: image does not load: {src}")
    math_total, typeset = driver.execute_script("""
      const m = document.querySelectorAll('.math');
      return [m.length, Array.from(m).filter(e => e.querySelector('.katex')).length];""")
    if math_total != typeset:
        fail(f"{page}: {math_total - typeset} of {math_total} formulas not typeset by KaTeX")
    return len(driver.find_elements(By.TAG_NAME, "img")), math_total


def load(driver, path):
    driver.get("file://" + os.path.abspath(path))
    driver.execute_script("return document.readyState")
    time.sleep(0.1)


def control(driver, element_id, value, event):
    """Sets a control as a user would leave it, and returns the page's update time (ms) and
    the round trip through the driver (ms)."""
    start = time.perf_counter()
    page_ms = driver.execute_script(f"""
      const e = document.getElementById('{element_id}');
      e.value = arguments[0]; e.dispatchEvent(new Event('{event}', {{bubbles: true}}));
      return Number(document.body.dataset.updateMs);""", value)
    return page_ms, (time.perf_counter() - start) * 1000


def sweeps(folder):
    rows = {}
    with open(os.path.join(folder, "errors.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["precision"] not in EPS:
                continue
            key = (int(row["case"]), float(row["at"]), int(row["derivative"]), row["precision"],
                   row["scheme"])
            rows.setdefault(key, []).append(row)
    return rows


def round_off(precision, value, method, spacing, q, exact):
    """4 eps (|f| sum|w| / h^q + |D|): the error model's round-off, with room for the last bit
    of the browser's exp and sin against glibc's."""
    return 4 * EPS[precision] * (abs(value) * method["weightSum"] / spacing**q + abs(exact))


def close(got, want, tolerance):
    """NaN and infinities travel from the page as null (None)."""
    if got is None or not math.isfinite(want):
        return (got is None or not math.isfinite(got)) and not math.isfinite(want)
    return got == want or abs(got - want) <= tolerance


def check_lab(driver, folder, latencies):
    name = os.path.basename(folder)
    page = f"{name}/lab.html"
    load(driver, os.path.join(folder, "lab.html"))
    data = driver.execute_script("return DATA;")
    offered = {(m["name"], m["derivative"]): m for m in data["methods"]}
    compared = exact = 0
    for (case, at, q, precision, scheme), rows in sorted(sweeps(folder).items()):
        method = offered.get((scheme, q))
        if method is None:
            continue
        c = data["cases"][case - 1]
        control(driver, "case", f"{case - 1}:{c['points'].index(at)}", "change")
        control(driver, "derivative", str(q), "change")
        control(driver, "scheme", scheme, "change")
        control(driver, "precision", precision, "change")
        state = driver.execute_script("return window.labLast;")
        check_figure(driver, page, f"{scheme} {precision} x={at} f^({q})")
        value = driver.execute_script(
            "return FUNCTIONS[arguments[0]][0](ROUND[arguments[1]](arguments[2]), "
            "KERNELS[arguments[1]]);", case - 1, precision, at)
        polynomial = not any(ch.isalpha() for ch in c["f"].replace(c["variable"], ""))
        curve = {p["h"]: p for p in state["curve"]}
        for row in rows:
            h, want = float(row["h"]), float(row["estimate"])
            got = curve.get(h)
            if got is None:
                fail(f"{page}: the curve has no step {h}")
                continue
            got = got["est"]
            tolerance = round_off(precision, value, method, float(row["h_effective"]) or h, q,
                                  float(row["exact"]))
            strict = polynomial and precision == "double"
            if not close(got, want, 0 if strict else tolerance):
                fail(f"{page}: {scheme} {precision} x={at} h={h}: curve's estimate {got!r}, "
                     f"errors.csv {want!r} (tolerance {0 if strict else tolerance:.3g})")
            compared += 1
        # The readout at the notes' steps and two swept steps, moved to with the h slider.
        swept = [float(r["h"]) for r in rows]
        for h in sorted(set([s for s in data["notesSteps"] if s in swept] + swept[1:2] + swept[-2:-1])):
            page_ms, trip_ms = control(driver, "h", repr(math.log10(h)), "input")
            check_figure(driver, page, f"{scheme} {precision} x={at} f^({q}) h={h}")
            latencies.append((page_ms, trip_ms))
            text = driver.find_element(By.ID, "estimate").text
            shown = float(text) if text[:1] in "-0123456789" else None
            row = next(r for r in rows if float(r["h"]) == h)
            want = float(row["estimate"])
            tolerance = round_off(precision, value, method, float(row["h_effective"]) or h, q,
                                  float(row["exact"]))
            if polynomial and precision == "double":
                exact += 1
                if shown != want:
                    fail(f"{page}: {scheme} x={at} h={h}: #estimate {shown!r}, errors.csv {want!r} "
                         "(the arithmetic is exact: they must be equal)")
            elif not close(shown, want, tolerance):
                fail(f"{page}: {scheme} {precision} x={at} h={h}: #estimate {shown}, "
                     f"errors.csv {want} (tolerance {tolerance:.3g})")
    # The first state at a phone's width: the drawing keeps text of its size, labels clear.
    load(driver, os.path.join(folder, "lab.html"))
    set_width(driver, 360)
    time.sleep(0.1)
    check_figure(driver, page, "at 360 px")
    set_width(driver, 1400)
    check_moves(driver, page, os.path.join(folder, "lab.html"))
    drain(driver, page)
    check_static(driver, page)
    check_layout(driver, page)
    return compared, exact


FIGURE_CHECK = """
  const svg = document.getElementById('plot'), out = [];
  const frame = svg.querySelector('rect').getBBox();
  const inside = (b, x, y) => x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
  const labels = Array.from(svg.querySelectorAll('.note-label'));
  const curves = ['error-curve', 'model-curve'].map(id => document.getElementById(id));
  const current = document.getElementById('current');
  labels.forEach((t, i) => {
    const b = t.getBBox(), name = JSON.stringify(t.textContent);
    if (b.x < frame.x || b.y < frame.y || b.x + b.width > frame.x + frame.width ||
        b.y + b.height > frame.y + frame.height) out.push(name + ' leaves the frame');
    for (const c of curves) {
      const n = c.getTotalLength();
      for (let s = 0; s <= n; s += 1) {
        const p = c.getPointAtLength(s);
        if (inside(b, p.x, p.y)) { out.push(name + ' crosses #' + c.id); break; }
      }
    }
    const leader = t.previousElementSibling;
    if (leader && leader.classList.contains('note-leader')) {
      const [ax, ay, bx, by] = ['x1', 'y1', 'x2', 'y2'].map(a => Number(leader.getAttribute(a)));
      const dx = bx - ax, dy = by - ay, n2 = dx * dx + dy * dy || 1;
      const onLeader = p => {
        const t = Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / n2));
        return Math.hypot(p.x - ax - t * dx, p.y - ay - t * dy) < 1;
      };
      for (const c of curves) {
        const n = c.getTotalLength();
        for (let s = 0; s <= n; s += 0.5)
          if (onLeader(c.getPointAtLength(s))) { out.push(name + "'s leader crosses #" + c.id); break; }
      }
      labels.forEach(o => {
        const c = o.getBBox();
        for (let k = 0; k <= 20; k++) {
          const x = ax + dx * k / 20, y = ay + dy * k / 20;
          if (o !== t && inside(c, x, y)) { out.push(name + "'s leader crosses " + JSON.stringify(o.textContent)); break; }
        }
      });
    }
    if (current) {
      const c = current.getBBox();
      if (b.x < c.x + c.width && c.x < b.x + b.width && b.y < c.y + c.height && c.y < b.y + b.height)
        out.push(name + ' covers the current step');
    }
    labels.slice(0, i).forEach(o => {
      const c = o.getBBox();
      if (b.x < c.x + c.width && c.x < b.x + b.width && b.y < c.y + c.height && c.y < b.y + b.height)
        out.push(name + ' overlaps ' + JSON.stringify(o.textContent));
    });
  });
  Array.from(svg.querySelectorAll('text')).forEach(t => {
    const high = t.getBoundingClientRect().height;
    if (high < 11) out.push(JSON.stringify(t.textContent) + ' drawn ' + high.toFixed(1) + ' px high');
  });
  const last = window.labLast;
  const zero = last.curve.some(c => c.err === 0) || last.notes.some(n => n.error === 0) || last.error === 0;
  const legend = document.getElementById('zero-legend');
  if (!legend) out.push('the legend has no entry for zero errors (#zero-legend)');
  else if (legend.hidden === zero)
    out.push('the legend ' + (zero ? 'does not explain' : 'explains absent') + ' zero errors on the edge');
  return out;
"""


def check_figure(driver, page, where):
    """The lab's plot as drawn: its text at least 11 px high; each note label (and its leader
    line, if any) inside the frame, crossing neither curve (sampled every unit of length), the
    current step's mark nor another label; the legend names the
    zero errors on the bottom edge exactly when there are some."""
    for problem in driver.execute_script(FIGURE_CHECK):
        fail(f"{page}: {where}: {problem}")


def check_moves(driver, page, path):
    """Each control moved from the page's first state changes the readout and the curve."""
    read = ("return [document.getElementById('estimate').textContent, "
            "document.getElementById('error-curve').getAttribute('d')];")
    moves = [("case", None, "change"), ("x", None, "input"), ("h", "-3", "input"),
             ("scheme", None, "change"), ("precision", None, "change")]
    for element_id, value, event in moves:
        load(driver, path)
        start = driver.execute_script(read)
        values = [value] if value is not None else driver.execute_script(f"""
          const e = document.getElementById('{element_id}');
          if (e.tagName === 'SELECT')
            return Array.from(e.options).map(o => o.value).filter(v => v !== e.value);
          return [String((Number(e.min) + 3 * Number(e.max)) / 4 + 0.0123)];""")
        # A select passes when one of its other options changes what it should (forward and
        # backward agree on an odd function at 0, for one).
        changed = [False, False]
        for v in values:
            control(driver, element_id, v, event)
            after = driver.execute_script(read)
            changed = [changed[0] or after[0] != start[0], changed[1] or after[1] != start[1]]
            if all(changed):
                break
        if values and not changed[0] and element_id != "case":
            fail(f"{page}: moving #{element_id} to {values} leaves #estimate at {start[0]}")
        if values and not changed[1] and element_id != "h":
            fail(f"{page}: moving #{element_id} to {values} leaves the curve unchanged")
    # One move by the keyboard, as a user makes it, from the page's first state.
    load(driver, path)
    slider = driver.find_element(By.ID, "h")
    start = driver.execute_script(read)
    slider.send_keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT)
    if driver.execute_script(read)[0] == start[0]:
        fail(f"{page}: the h slider moved by the keyboard leaves #estimate unchanged")


def main():
    args = sys.argv[1:]
    driver_path = "/usr/bin/chromedriver"
    if "--driver" in args:
        k = args.index("--driver"); driver_path = args[k + 1]; del args[k:k + 2]
    labs_only = None
    if "--labs" in args:
        k = args.index("--labs"); labs_only = set(args[k + 1].split(",")); del args[k:k + 2]
    root = args[0] if args else "Output"
    started = time.perf_counter()
    driver = browser(driver_path)
    latencies = []
    try:
        index = os.path.join(root, "index.html")
        if os.path.exists(index) and labs_only is None:
            load(driver, index)
            images, formulas = check_static(driver, "index.html")
            drain(driver, "index.html")
            check_layout(driver, "index.html")
            print(f"index.html: {images} images, {formulas} formulas", flush=True)
        for name in sorted(os.listdir(root)):
            folder = os.path.join(root, name)
            if not os.path.exists(os.path.join(folder, "lab.html")):
                continue
            if labs_only is not None and name not in labs_only:
                continue
            compared, exact = check_lab(driver, folder, latencies)
            print(f"{name}/lab.html: {compared} steps compared, {exact} readouts bit-exact",
                  flush=True)
    finally:
        driver.quit()
    if latencies:
        page = [p for p, _ in latencies]
        trip = [t for _, t in latencies]
        print(f"h slider: {len(latencies)} moves; page update median {statistics.median(page):.1f} ms, "
              f"max {max(page):.1f} ms; through the driver median {statistics.median(trip):.1f} ms, "
              f"max {max(trip):.1f} ms")
    print(f"browser test: {time.perf_counter() - started:.0f} s, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
