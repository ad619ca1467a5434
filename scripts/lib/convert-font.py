#!/usr/bin/env python3
"""One face of an OpenType/CFF font (or collection) rewritten with TrueType (glyf) outlines.

    python3 convert-font.py SOURCE FACE_INDEX OUT.ttf

Why: Chromium embeds a CFF font in a PDF as Type 3 glyphs, a TrueType one as a CID TrueType font
(2-4x smaller files, faster page.pdf()). Cubic curves become quadratic ones within 1 unit of the
1000-unit em (invisible in print). Run once by scripts/lib/deps.mjs; ~70 s for Noto Sans CJK SC.
Needs fontTools (Debian python3-fonttools). Prints "[careops] OUT: glyphs N/M" progress lines on stderr.
"""
import os
import sys
import time

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units


def convert(source: str, index: int, out: str) -> None:
    started = time.time()
    font = TTFont(source, fontNumber=index, lazy=False)
    if "CFF " not in font:
        raise SystemExit(f"{source} face {index} has no CFF outlines to convert")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    label = os.path.basename(out)
    step = max(1, len(order) // 10)
    for i, name in enumerate(order):
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
        if (i + 1) % step == 0:
            print(f"[careops] {label}: glyphs {i + 1}/{len(order)} ({time.time() - started:.0f} s)", file=sys.stderr, flush=True)

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]  # CFF-only table
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)

    # 65 535 CID names do not fit a version-2 post table; version 3 keeps no names.
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}

    font.sfntVersion = "\x00\x01\x00\x00"
    tmp = f"{out}.{os.getpid()}.tmp"
    font.save(tmp, reorderTables=False)
    os.replace(tmp, out)  # never a half-written font under the final name
    print(f"[careops] {label}: done in {time.time() - started:.0f} s ({os.path.getsize(out) // 1024} KB)", file=sys.stderr, flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    convert(sys.argv[1], int(sys.argv[2]), sys.argv[3])
