/// The lab page's placement of the notes' step labels (part of `LabTemplate`'s script): each
/// label goes beside its mark, inside the plot's frame and clear of the curves, the marks and
/// the other labels, or further off with a leader line; `scripts/browser-test.py` checks the
/// result in every state it visits.
extension LabTemplate {
  static let labelPlacement = #"""
    // Screen points every 3 units along a polyline: what a label keeps clear of.
    function samples(pts) {
      const out = pts.length ? [pts[0]] : [];
      for (let i = 1; i < pts.length; i++) {
        const [x0, y0] = pts[i - 1], [x1, y1] = pts[i];
        const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 3));
        for (let j = 1; j <= n; j++) out.push([x0 + (x1 - x0) * j / n, y0 + (y1 - y0) * j / n]);
      }
      return out;
    }
    // The spots `spotFor` tries, in order, as [dx, dy, text-anchor, tied by a leader]: eight
    // beside the mark, then a grid further off, nearest first.
    const LABEL_SPOTS = (() => {
      const far = [];
      for (let dy = -170; dy <= 170; dy += 10)
        for (let dx = -160; dx <= 160; dx += 20)
          if (Math.abs(dy) >= 30 || Math.abs(dx) >= 60) far.push([dx, dy + (dy > 0 ? 8 : 0), dx < 0 ? "end" : dx > 0 ? "start" : "middle", true]);
      far.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
      return [[9, -9, "start"], [9, 18, "start"], [-9, -9, "end"], [-9, 18, "end"],
        [9, -24, "start"], [9, 33, "start"], [-9, -24, "end"], [-9, 33, "end"]].concat(far);
    })();
    // Where a label of box `m` (its box when it starts at (0, 0)) goes beside the mark at
    // (px, py): the first of eight spots around it whose box stays inside the frame, clear of
    // the sampled points and of the boxes already placed; else the nearest spot further off,
    // tied to the mark by a leader line, where box and leader are both clear; failing both, the
    // spot that meets the fewest (`points` is a `pointGrid`). Returns the spot, its box, its
    // leader (or null) and its cost.
    function spotFor(m, px, py, points, boxes, frame) {
      const boxAt = (x, y, anchor) => ({ x: x + m.x - (anchor === "end" ? m.width : anchor === "middle" ? m.width / 2 : 0),
        y: y + m.y, width: m.width, height: m.height });
      const meets = (b, x, y) => x >= b.x - 2 && x <= b.x + b.width + 2 && y >= b.y - 2 && y <= b.y + b.height + 2;
      const overlaps = (b, o) => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height;
      const near = (ax, ay, bx, by, x, y) => {
        const dx = bx - ax, dy = by - ay, t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(x - ax - t * dx, y - ay - t * dy) < 3;
      };
      let best = null;
      for (const [dx, dy, anchor, tied] of LABEL_SPOTS) {
        const b = boxAt(px + dx, py + dy, anchor);
        let leader = null;
        if (tied) {
          const qx = Math.min(Math.max(px, b.x - 2), b.x + b.width + 2), qy = Math.min(Math.max(py, b.y - 2), b.y + b.height + 2);
          const d = Math.hypot(qx - px, qy - py);
          leader = [[px + (qx - px) * 9 / d, py + (qy - py) * 9 / d], [qx, qy]];
        }
        let cost = b.x >= frame.x0 && b.x + b.width <= frame.x1 && b.y >= frame.y0 && b.y + b.height <= frame.y1 ? 0 : 1000;
        if (best && cost >= best.cost) continue;
        const along = leader && boxes.length ? samples(leader) : [];
        for (const o of boxes) {
          if (overlaps(b, o)) cost += 100;
          if (along.some(([x, y]) => meets(o, x, y))) cost += 100;
        }
        for (const [x, y] of points.within(b, 2)) if (meets(b, x, y)) cost += 1;
        if (leader) {
          const [[ax, ay], [bx, by]] = leader;
          const span = { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
          for (const [x, y] of points.within(span, 3)) if (!meets(b, x, y) && near(ax, ay, bx, by, x, y)) cost += 1;
        }
        if (!best || cost < best.cost) best = { cost: cost, spot: [px + dx, py + dy, anchor], leader: leader, box: b };
        if (cost === 0) break;
      }
      return best;
    }
    // Spots for labels of boxes `ms` beside the marks `at`, one after another in the order that
    // meets the fewest (every order of up to five labels; later labels keep clear of earlier
    // ones and their leaders).
    function spotsFor(ms, at, points, frame) {
      const orders = [[]];
      for (let k = 0; k < ms.length; k++)
        orders.splice(0, orders.length, ...orders.flatMap(o => ms.length > 5 ? [o.concat([k])] :
          Array.from({ length: o.length + 1 }, (_, i) => o.slice(0, i).concat([k], o.slice(i)))));
      let best = null;
      for (const order of orders) {
        const pts = pointGrid(points), boxes = [], plan = [];
        let total = 0;
        for (const k of order) {
          const s = spotFor(ms[k], at[k][0], at[k][1], pts, boxes, frame);
          plan[k] = s; total += s.cost; boxes.push(s.box);
          if (s.leader) samples(s.leader).forEach(pts.add);
        }
        if (!best || total < best.total) best = { total: total, plan: plan };
        if (total === 0) break;
      }
      return best.plan;
    }
    // Points in cells of 8 units, to count those in a box without visiting them all.
    function pointGrid(points) {
      const cells = new Map(), key = (i, j) => i * 100003 + j;
      const add = ([x, y]) => {
        const k = key(Math.floor(x / 8), Math.floor(y / 8));
        if (!cells.has(k)) cells.set(k, []);
        cells.get(k).push([x, y]);
      };
      points.forEach(add);
      return {
        add: add,
        // The points within the box b grown by `pad`, each once.
        within: (b, pad) => {
          const out = [];
          for (let i = Math.floor((b.x - pad) / 8); i <= Math.floor((b.x + b.width + pad) / 8); i++)
            for (let j = Math.floor((b.y - pad) / 8); j <= Math.floor((b.y + b.height + pad) / 8); j++) {
              const c = cells.get(key(i, j));
              if (c) for (const p of c) out.push(p);
            }
          return out;
        }
      };
    }
    // Points on a circle of radius r around (x, y).
    function ring(x, y, r) {
      return Array.from({ length: 12 }, (_, i) => [x + r * Math.cos(i * Math.PI / 6), y + r * Math.sin(i * Math.PI / 6)]);
    }
    """#
}
