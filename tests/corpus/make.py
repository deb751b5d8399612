#!/usr/bin/env python3
"""Writes the hostile-input corpus beside this script: broken, malicious and odd design files
and photos that Hairline Studio must refuse with a clear message (tests/hostile.rs checks each).
Cases that cannot live in git (a folder, a symlink loop, an unreadable file, a non-UTF-8 name,
a million points, a 100 MB file) are made by the test itself. Run again after changing a case."""

import json, os, struct, zlib, random
from pathlib import Path

here = Path(__file__).parent
root = here.parent.parent
designs, photos = here / "designs", here / "photos"
designs.mkdir(exist_ok=True)
photos.mkdir(exist_ok=True)

valid = (root / "assets" / "sample-design.json").read_text()
sample = json.loads(valid)
rng = random.Random(7)


def design(name, content):
    (designs / name).write_bytes(content if isinstance(content, bytes) else content.encode())


def edited(change):
    d = json.loads(valid)
    change(d)
    return json.dumps(d, indent=1)


design("empty.json", b"")
design("whitespace.json", b" \n\t \n")
design("truncated.json", valid[: len(valid) // 2])
design("binary-garbage.json", bytes(rng.randrange(256) for _ in range(4096)))
design("nul-bytes.json", b"\0" * 512)
design("wrong-types.json", edited(lambda d: d["client"].update(name=12)))
design("views-is-a-string.json", edited(lambda d: d.update(views="front")))
design("nan.json", valid.replace("63.0", "NaN", 1))
design("infinity.json", valid.replace("63.0", "Infinity", 1))
design("huge-coordinate.json", valid.replace("345.0", "1e308", 1))
design("overflowing-number.json", valid.replace("345.0", "1e400", 1))
design("negative-density.json", edited(lambda d: d["views"][0]["zones"][0].update(density_per_cm2=-5)))
design("calibration-too-long.json", edited(lambda d: d["views"][0]["calibration"].update(length_mm=20_000)))
design("deep-array-nesting.json", "[" * 100_000 + "]" * 100_000)
design("deep-object-nesting.json", '{"a":' * 10_000 + "1" + "}" * 10_000)
design("future-version.json", edited(lambda d: d.update(version=99, views=7)))
design("version-is-text.json", edited(lambda d: d.update(version="one")))
design("negative-version.json", edited(lambda d: d.update(version=-1)))
design("another-format.json", json.dumps({"type": "FeatureCollection", "features": []}))
design("no-format.json", json.dumps({"version": 1, "views": []}))
design("a-json-array.json", "[1, 2, 3]")
design("a-json-string.json", '"hairline"')
design("null.json", "null")
design("bom-then-garbage.json", b"\xef\xbb\xbf" + b"\x89PNG not a design")
design("utf16.json", valid.encode("utf-16"))
design("invalid-utf8-in-name.json", valid.replace("Sample Client", "Sample \udcff", 1).encode("utf-8", "surrogateescape"))
design("too-many-views.json", edited(lambda d: d.update(views=[d["views"][0]] * 65)))
design("huge-dot-size.json", edited(lambda d: d["views"][0]["zones"][0].update(dot_diameter_mm=1e9)))
design("negative-calibration.json", edited(lambda d: d["views"][0]["calibration"].update(length_mm=-63)))
design("density-too-high.json", edited(lambda d: d["views"][0]["zones"][0].update(density_per_cm2=5000)))
design("notes-too-long.json", edited(lambda d: d.update(notes="x" * 100_001)))


def png_chunk(kind, data, crc=None):
    crc = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width, height, pixels=None, bad_crc=False, ihdr_only=False):
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    out = b"\x89PNG\r\n\x1a\n" + header
    if ihdr_only:
        return out
    raw = pixels if pixels is not None else b"".join(b"\0" + b"\x80\x60\x50" * width for _ in range(height))
    data = zlib.compress(raw)
    out += png_chunk(b"IDAT", data, crc=0xDEADBEEF if bad_crc else None)
    return out + png_chunk(b"IEND", b"")


def photo(name, content):
    (photos / name).write_bytes(content)


jpeg = (root / "assets" / "sample-front.jpg").read_bytes()
photo("truncated.jpg", jpeg[: len(jpeg) // 3])
photo("header-only.jpg", jpeg[:600])
photo("zero-bytes.jpg", b"")
photo("text-named-jpg.jpg", b"This is a note, not a photo.\n")
photo("garbage.png", bytes(rng.randrange(256) for _ in range(2048)))
photo("bad-crc.png", png(32, 32, bad_crc=True))
photo("truncated.png", png(64, 64)[:90])
photo("bomb-100000x100000.png", png(100_000, 100_000, ihdr_only=True) + png_chunk(b"IDAT", zlib.compress(b"\0" * 100_000)))
photo("zero-width.png", png(0, 16, ihdr_only=True))
# The sample's own frame header, claiming 65500 x 65500 pixels (4290 MP).
sof = jpeg.find(b"\xff\xc0")
photo("jpeg-65500-square.jpg", jpeg[: sof + 5] + struct.pack(">HH", 65500, 65500) + jpeg[sof + 9 : 4000])
