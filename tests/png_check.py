"""Fails (exit 1) when a PNG screenshot is missing, unreadable or nearly one colour.

Standard library only (zlib), so CI needs nothing installed to run it.
Usage: python3 tests/png_check.py FILE.png
"""
import struct
import sys
import zlib
from collections import Counter

# Fewer pixels than this away from the most common colour means a blank window.
MIN_OTHER_SHARE = 0.005
# Text is antialiased into many shades; flat panels with no text have only a handful.
MIN_COLOURS = 64


def read_rgb_rows(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unexpected PNG layout (depth {depth}, colour type {colour_type})")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                row[i] = (row[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[i] = (row[i] + pred) & 0xFF
        rows.append((bytes(row), bpp))
        previous = row
    return width, height, rows


def main(path):
    try:
        width, height, rows = read_rgb_rows(path)
    except (OSError, ValueError, zlib.error, TypeError, struct.error) as err:
        print(f"{path}: {err}")
        return 1
    colours = Counter()
    for row, bpp in rows:
        for x in range(0, len(row), bpp):
            colours[row[x : x + 3]] += 1
    total = width * height
    _, top = colours.most_common(1)[0]
    other = 1 - top / total
    verdict = f"{width}x{height}, {len(colours)} colours, {other:.1%} off the background"
    print(verdict)
    return 1 if other < MIN_OTHER_SHARE or len(colours) < MIN_COLOURS else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
