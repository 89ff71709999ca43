#!/usr/bin/env python3
"""Compare every experiment's summary.json and CSV files in an output folder with a frozen copy.

    scripts/outputs-diff.py freeze OUTPUT FROZEN   copy summary.json and *.csv of OUTPUT into FROZEN
    scripts/outputs-diff.py diff OUTPUT FROZEN [--ulps N]

Numbers (in JSON values, in CSV cells and inside JSON strings such as check details) must agree
within N units in the last place of a double (default 64: merging stencil sums may reorder the
last additions); every other character must be identical. Keys that hold wall times (any key
containing "seconds") and sentences that quote a wall time are skipped: they differ run to run.
Exit 0 when everything agrees, 1 with one line per difference (at most 40 shown) otherwise.
"""
import csv, gzip, io, json, math, os, re, shutil, struct, sys

NUMBER = re.compile(r'[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?')
TIMING = re.compile(r'\bseconds?\b|takes [\d.]+×|\d\s*(?:s|ms|µs)\b|초', re.IGNORECASE)


def ordered(x):
    bits = struct.unpack('<q', struct.pack('<d', x))[0]
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


def ulps(a, b):
    if a == b or (math.isnan(a) and math.isnan(b)):
        return 0
    if math.isinf(a) or math.isinf(b) or math.isnan(a) or math.isnan(b):
        return math.inf
    return abs(ordered(a) - ordered(b))


def printed_close(a, b, bound):
    """Two printed numbers agree when equal, or within `bound` ulps, or when both are short
    renderings (fewer than 15 significant digits) that differ by one in their last digit."""
    if a == b:
        return True
    x, y = float(a), float(b)
    if ulps(x, y) <= bound:
        return True
    digits = len(re.sub(r'[^0-9]', '', a.split('e')[0].split('E')[0]).lstrip('0'))
    if digits < 15:
        mantissa = a.split('e')[0].split('E')[0]
        last = mantissa.rsplit('.', 1)[-1] if '.' in mantissa else ''
        step = 10.0 ** (-len(last)) if last else 1.0
        exp = re.search(r'[eE]([-+]?\d+)', a)
        scale = 10.0 ** int(exp.group(1)) if exp else 1.0
        return abs(x - y) <= 1.000001 * step * scale
    return False


def strings_close(a, b, bound):
    if a == b:
        return True
    if TIMING.search(a) and TIMING.search(b):
        return True
    na, nb = NUMBER.findall(a), NUMBER.findall(b)
    if NUMBER.sub('#', a) != NUMBER.sub('#', b) or len(na) != len(nb):
        return False
    return all(printed_close(p, q, bound) for p, q in zip(na, nb))


def compare_json(a, b, path, bound, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if 'seconds' in k:
                continue
            if k not in a or k not in b:
                out.append(f'{path}.{k}: only in {"frozen" if k in b else "new"}')
            else:
                compare_json(a[k], b[k], f'{path}.{k}', bound, out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f'{path}: {len(a)} items, frozen {len(b)}')
        for i, (x, y) in enumerate(zip(a, b)):
            compare_json(x, y, f'{path}[{i}]', bound, out)
    elif isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        if a != b:
            out.append(f'{path}: {a!r}, frozen {b!r}')
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if ulps(float(a), float(b)) > bound:
            out.append(f'{path}: {a!r}, frozen {b!r} ({ulps(float(a), float(b))} ulps)')
    elif isinstance(a, str) and isinstance(b, str):
        if not strings_close(a, b, bound):
            out.append(f'{path}: {a!r}, frozen {b!r}')
    elif a != b:
        out.append(f'{path}: {a!r}, frozen {b!r}')


def compare_csv(new, old, path, bound, out):
    rows_a = list(csv.reader(io.StringIO(new)))
    rows_b = list(csv.reader(io.StringIO(old)))
    if len(rows_a) != len(rows_b):
        out.append(f'{path}: {len(rows_a)} rows, frozen {len(rows_b)}')
        return
    header = rows_a[0] if rows_a else []
    for r, (x, y) in enumerate(zip(rows_a, rows_b)):
        if len(x) != len(y):
            out.append(f'{path} row {r + 1}: {len(x)} cells, frozen {len(y)}')
            continue
        for c, (p, q) in enumerate(zip(x, y)):
            name = header[c] if c < len(header) else str(c)
            if 'seconds' in name or p == q:
                continue
            if not strings_close(p, q, bound):
                out.append(f'{path} row {r + 1} {name}: {p!r}, frozen {q!r}')


# A frozen file larger than this is kept gzipped (FILE.gz, no timestamp, so the bytes repeat).
GZIP_OVER = 1 << 20


def files(root):
    for d in sorted(os.listdir(root)):
        full = os.path.join(root, d)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            name = f[:-3] if f.endswith('.csv.gz') else f
            if name == 'summary.json' or name.endswith('.csv'):
                yield os.path.join(d, name)


def read(root, rel):
    path = os.path.join(root, rel)
    if not os.path.exists(path) and os.path.exists(path + '.gz'):
        with gzip.open(path + '.gz', 'rt', encoding='utf-8') as f:
            return f.read()
    with open(path, encoding='utf-8') as f:
        return f.read()


def main(argv):
    if len(argv) >= 4 and argv[1] == 'freeze':
        src, dst = argv[2], argv[3]
        shutil.rmtree(dst, ignore_errors=True)
        for rel in files(src):
            os.makedirs(os.path.join(dst, os.path.dirname(rel)), exist_ok=True)
            if os.path.getsize(os.path.join(src, rel)) > GZIP_OVER:
                with open(os.path.join(src, rel), 'rb') as f, \
                        open(os.path.join(dst, rel) + '.gz', 'wb') as out:
                    out.write(gzip.compress(f.read(), mtime=0))
            else:
                shutil.copyfile(os.path.join(src, rel), os.path.join(dst, rel))
        print(f'froze {sum(1 for _ in files(dst))} files of {src} into {dst}')
        return 0
    if len(argv) >= 4 and argv[1] == 'diff':
        new, frozen = argv[2], argv[3]
        bound = int(argv[argv.index('--ulps') + 1]) if '--ulps' in argv else 64
        out = []
        frozen_files, new_files = set(files(frozen)), set(files(new))
        for rel in sorted(frozen_files - new_files):
            out.append(f'{rel}: missing from {new}')
        for rel in sorted(frozen_files & new_files):
            a = read(new, rel)
            b = read(frozen, rel)
            if a == b:
                continue
            if rel.endswith('.json'):
                compare_json(json.loads(a), json.loads(b), rel, bound, out)
            else:
                compare_csv(a, b, rel, bound, out)
        for line in out[:40]:
            print(line)
        if len(out) > 40:
            print(f'... and {len(out) - 40} more differences')
        print(f'{len(frozen_files & new_files)} files compared within {bound} ulps: '
              f'{len(out)} differences')
        return 1 if out else 0
    print(__doc__)
    return 64


if __name__ == '__main__':
    sys.exit(main(sys.argv))
