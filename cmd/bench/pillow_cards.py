#!/usr/bin/env python3
"""The card job done the usual way with Pillow, for cmd/bench to time.

It does what `broadside cards --layout instagram-square` does for each
quote, as a person would write it with Pillow: load the fonts once, fit the
quote to its box (the largest size from 68 down to 34 px at which the
wrapped quote and its attribution fit), wrap it greedily, draw the opening
mark, the quote, a rule, the author, role and organisation and the footer,
save a 1080 x 1080 PNG, and write the alt text of every card to a CSV.

    python3 pillow_cards.py QUOTES.json FONTS_DIR OUT_DIR

QUOTES.json is a list of {id, text, author, role, organisation}; FONTS_DIR
holds the TTFs broadside bundles (source-serif-4/, inter/).
"""
import csv
import json
import os
import re
import sys

from PIL import Image, ImageDraw, ImageFont

SIZE = 1080
BOX_X, BOX_Y, BOX_W, BOX_H = 128, 96, 824, 800
PAPER, TEXT, MUTED, ACCENT = "#f6f1e7", "#1c1a17", "#5c564d", "#c0262d"


def smarten(s):
    """Curly quotes and ellipses, as broadside applies them."""
    s = s.replace(" . . .", "\u2009\u2026").replace(". . .", "\u2026").replace("...", "\u2026")
    s = re.sub(r'(^|[\s(\[])"', "\\1\u201c", s)
    s = s.replace('"', "\u201d")
    s = re.sub(r"(^|[\s(\[])'", "\\1\u2018", s)
    return s.replace("'", "\u2019")


def wrap(draw, text, font, width):
    """Greedy line breaking at spaces."""
    lines, line = [], ""
    for word in text.split():
        trial = word if not line else line + " " + word
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


class Fonts:
    def __init__(self, root):
        f = lambda *p: os.path.join(root, *p)
        self.serif = f("source-serif-4", "SourceSerif4-Regular.ttf")
        self.mark = ImageFont.truetype(f("source-serif-4", "SourceSerif4-Bold.ttf"), 170)
        self.author = ImageFont.truetype(f("inter", "Inter-Bold.ttf"), 28)
        self.role = ImageFont.truetype(f("inter", "Inter-Regular.ttf"), 23)
        self.org = ImageFont.truetype(f("inter", "Inter-Regular.ttf"), 17)
        self.footer = ImageFont.truetype(f("inter", "Inter-Regular.ttf"), 22)
        self.quote = {}

    def quote_at(self, px):
        if px not in self.quote:
            self.quote[px] = ImageFont.truetype(self.serif, px)
        return self.quote[px]


def card(fonts, q, path):
    img = Image.new("RGB", (SIZE, SIZE), PAPER)
    d = ImageDraw.Draw(img)
    text = smarten(q["text"])
    attribution = 36 + 44 + 5 + 30 + 35 + (6 + 30 if q.get("role") else 0) + (10 + 23 if q.get("organisation") else 0)
    mark_h = 120
    # Fit: the largest size at which the quote and everything under it fit.
    lo, hi, best = 34, 68, None
    while lo <= hi:
        px = (lo + hi) // 2
        font = fonts.quote_at(px)
        lines = wrap(d, text, font, BOX_W)
        h = mark_h + len(lines) * px * 1.24 + attribution
        if h <= BOX_H:
            best, lo = (px, lines), px + 1
        else:
            hi = px - 1
    if best is None:
        best = (34, wrap(d, text, fonts.quote_at(34), BOX_W))
    px, lines = best
    font = fonts.quote_at(px)
    total = mark_h + len(lines) * px * 1.24 + attribution
    y = BOX_Y + (BOX_H - total) / 2
    d.text((BOX_X - 4, y - 30), "\u201c", font=fonts.mark, fill=ACCENT)
    y += mark_h + 36
    for line in lines:
        d.text((BOX_X, y), line, font=font, fill=TEXT)
        y += px * 1.24
    y += 44
    d.rectangle([BOX_X, y, BOX_X + 72, y + 5], fill=ACCENT)
    y += 5 + 30
    d.text((BOX_X, y), q["author"], font=fonts.author, fill=TEXT)
    y += 35
    if q.get("role"):
        y += 6
        for line in wrap(d, q["role"], fonts.role, BOX_W):
            d.text((BOX_X, y), line, font=fonts.role, fill=MUTED)
            y += 30
    if q.get("organisation"):
        y += 10
        d.text((BOX_X, y), q["organisation"].upper(), font=fonts.org, fill=MUTED)
    d.text((BOX_X, 950), "dontextraditeassange.com", font=fonts.footer, fill=MUTED)
    tags = "#FreeAssange #JournalismIsNotACrime"
    d.text((952 - d.textlength(tags, font=fonts.footer), 950), tags, font=fonts.footer, fill=MUTED)
    img.save(path)
    return text


def main():
    quotes_file, fonts_dir, out = sys.argv[1:4]
    with open(quotes_file, encoding="utf-8") as f:
        quotes = json.load(f)
    os.makedirs(out, exist_ok=True)
    fonts = Fonts(fonts_dir)
    with open(os.path.join(out, "cards.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "alt"])
        for q in quotes:
            name = q["id"] + ".png"
            text = card(fonts, q, os.path.join(out, name))
            w.writerow([name, "Quote card: " + text + " \u2014 " + q["author"]])
    print(f"{len(quotes)} cards", file=sys.stderr)


if __name__ == "__main__":
    main()
