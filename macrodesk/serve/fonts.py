"""The pages' Chinese font: the characters the desk can show, cut out of the font the PDFs and PNGs embed.

The whole font (Noto Sans CJK SC, OFL, from mplfonts) is 16 MB: a browser takes a second or more to
fetch and read it, and a Chinese page waits for it before drawing a chart. The desk instead serves
a subset with only the characters it can show (about a thousand: those in the package's own text
files, its templates, scripts, labels, catalogue and scenario files, and those of the store's series
names), a few hundred kB. The pages name the whole font after the subset, so a character outside
it (a Chinese word typed into the search box) still shows: the browser fetches the whole font only
then. The subset is made once (about a second of CPU) and kept in the results cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["CJK_RANGES", "unicode_range", "cjk_characters", "package_characters", "subset_font", "font_key"]

#: The code points the desk's CJK font faces cover (CJK radicals to full-width forms).
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x31C0, 0x31EF),
    (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)
_CJK = re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in CJK_RANGES) + "]")
#: Text files of the package whose characters the pages can show.
_TEXT_SUFFIXES = (".py", ".toml", ".html", ".js", ".csv", ".json", ".txt", ".md")


def unicode_range() -> str:
    """The CSS ``unicode-range`` of :data:`CJK_RANGES`."""
    return ", ".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in CJK_RANGES)


def cjk_characters(texts: Iterable[str]) -> frozenset[str]:
    """The CJK characters (of :data:`CJK_RANGES`) in ``texts``."""
    out: set[str] = set()
    for t in texts:
        out.update(_CJK.findall(t))
    return frozenset(out)


@lru_cache(maxsize=1)
def package_characters() -> frozenset[str]:
    """The CJK characters of the package's text files (labels, templates, catalogue, scenario files…)."""
    import macrodesk

    root = Path(macrodesk.__file__).parent
    return cjk_characters(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(root.rglob("*"))
                          if p.suffix in _TEXT_SUFFIXES and p.is_file())


def font_key(font: Path, chars: Iterable[str]) -> str:
    """A short hash of the font file (path, size, time) and the characters: the subset's name."""
    st = font.stat()
    h = hashlib.sha256(f"{font}|{st.st_size}|{st.st_mtime_ns}|".encode())
    h.update("".join(sorted(chars)).encode("utf-8"))
    return h.hexdigest()[:16]


def subset_font(chars: Iterable[str]) -> bytes:
    """The pages' font: Noto Sans CJK SC cut to ``chars`` (OpenType, no layout features)."""
    from macrodesk.plotting._fonts import cjk_font_subset

    return cjk_font_subset("".join(chars), layout_features=False)
