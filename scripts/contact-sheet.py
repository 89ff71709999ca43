"""Contact sheets of every PNG under an output folder, for looking at all figures at once.

Usage: python contact-sheet.py OUTPUT_DIR SHEET_PREFIX [--per-sheet N] [--thumb W]

Writes SHEET_PREFIX-1.png, -2.png, ...: a grid of thumbnails (aspect kept), each captioned
with its path under OUTPUT_DIR. Needs Pillow (`make look` runs it in .cache/mpl-venv).
"""
import argparse
import math
import pathlib

from PIL import Image, ImageDraw


def sheets(root, prefix, per_sheet, thumb):
    files = sorted(p for p in pathlib.Path(root).rglob("*.png")
                   if "katex" not in p.parts and not p.name.startswith("."))
    columns = 3
    caption = 18
    cell_h = int(thumb * 0.75) + caption
    written = []
    for start in range(0, len(files), per_sheet):
        chunk = files[start:start + per_sheet]
        rows = math.ceil(len(chunk) / columns)
        sheet = Image.new("RGB", (columns * thumb, rows * cell_h), "white")
        draw = ImageDraw.Draw(sheet)
        for index, path in enumerate(chunk):
            with Image.open(path) as image:
                image = image.convert("RGB")
                image.thumbnail((thumb - 8, cell_h - caption - 4))
                x, y = (index % columns) * thumb, (index // columns) * cell_h
                sheet.paste(image, (x + 4, y + caption))
                name = str(path.relative_to(root))
                draw.text((x + 4, y + 2), f"{name}  {image.width}x{image.height}", fill="black")
        out = f"{prefix}-{start // per_sheet + 1}.png"
        sheet.save(out)
        written.append(out)
    return files, written


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("prefix")
    parser.add_argument("--per-sheet", type=int, default=12)
    parser.add_argument("--thumb", type=int, default=640)
    args = parser.parse_args()
    files, written = sheets(args.root, args.prefix, args.per_sheet, args.thumb)
    print(f"{len(files)} figures on {len(written)} sheets: {args.prefix}-*.png")
