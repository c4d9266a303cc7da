"""The one CJK font the report layer uses: Noto Sans CJK SC, shipped by mplfonts.

Noto Sans CJK SC is licensed under the SIL Open Font License, so it may be
embedded in the PDFs and PNGs macrodesk writes. ``mplfonts`` also ships other
fonts (among them SimHei, which is proprietary); none of them is ever used:

* matplotlib gets only the Noto file registered, by path;
* Typst gets a private directory that holds only (a link to) the Noto file,
  and is told to ignore system fonts, so what a PDF looks like does not depend
  on the machine it was built on.

Nothing is downloaded: if the font is missing, a :class:`ReportError` says which
package to install.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from macrodesk.exceptions import ReportError

__all__ = [
    "CJK_FONT_FAMILY",
    "EMBEDDED_FAMILY",
    "cjk_font_subset",
    "embedded_font_css",
    "CJK_FONT_FILE",
    "cjk_font_path",
    "font_dir",
    "setup_matplotlib",
]

#: File name of the font inside ``mplfonts/fonts/``.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
#: Family name the font registers under (matplotlib, Typst, CSS).
CJK_FONT_FAMILY = "Noto Sans CJK SC"

_INSTALL_HINT = (
    "install it with `pip install mplfonts` (it ships the OFL-licensed "
    f"'{CJK_FONT_FILE}'); macrodesk never downloads fonts at run time"
)

_lock = threading.Lock()
_font_path: Path | None = None
_font_dir: Path | None = None
_mpl_ready = False


def cjk_font_path() -> Path:
    """Path of ``NotoSansCJKsc-Regular.otf`` inside the installed mplfonts package.

    Raises:
        ReportError: mplfonts is not installed, or does not ship the font.
    """
    global _font_path
    if _font_path is not None:
        return _font_path
    # find_spec locates the package without importing it (mplfonts' __init__
    # imports matplotlib and fontmeta, which the font file does not need).
    try:
        spec = importlib.util.find_spec("mplfonts")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ReportError(f"the CJK font package 'mplfonts' is not installed; {_INSTALL_HINT}")
    looked = []
    for base in spec.submodule_search_locations:
        path = Path(base) / "fonts" / CJK_FONT_FILE
        looked.append(str(path))
        if path.is_file():
            break
    else:
        raise ReportError(
            f"the font file '{CJK_FONT_FILE}' was not found in the installed mplfonts package "
            f"(looked at {', '.join(repr(x) for x in looked)}); {_INSTALL_HINT}"
        )
    _font_path = path
    return path


def _cleanup(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def font_dir() -> Path:
    """A directory holding only the Noto Sans CJK SC file, for Typst's ``font_paths``.

    The mplfonts font folder itself also holds SimHei, so it is not handed to
    Typst; instead a per-process temporary directory gets a link to (or, where
    links are not possible, a copy of) the Noto file. It is removed at exit.
    """
    global _font_dir
    with _lock:
        if _font_dir is not None and (_font_dir / CJK_FONT_FILE).is_file():
            return _font_dir
        src = cjk_font_path()
        d = Path(tempfile.mkdtemp(prefix="macrodesk-fonts-"))
        dst = d / CJK_FONT_FILE
        for make in (os.symlink, os.link, shutil.copyfile):
            try:
                make(src, dst)
                break
            except OSError:
                if dst.is_symlink() or dst.exists():
                    dst.unlink()
        else:  # pragma: no cover - copyfile raising leaves us here
            raise ReportError(f"could not place the font '{src}' in the temporary directory '{d}'")
        atexit.register(_cleanup, d)
        _font_dir = d
        return d


def setup_matplotlib() -> None:
    """Register Noto Sans CJK SC with matplotlib and make it the default family.

    Idempotent. Selects the non-interactive Agg backend unless ``pyplot`` has
    already been imported (then the caller's backend choice stands; the chart
    functions do not need pyplot anyway). Sets ``axes.unicode_minus=False`` so
    negative numbers use the ASCII hyphen the font renders cleanly.
    """
    global _mpl_ready
    if _mpl_ready:
        return
    path = cjk_font_path()
    with _lock:
        if _mpl_ready:
            return
        import matplotlib
        from matplotlib import font_manager

        if "matplotlib.pyplot" not in sys.modules:
            matplotlib.use("Agg")
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
        sans = [family] + [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["font.sans-serif"] = sans
        matplotlib.rcParams["axes.unicode_minus"] = False
        _mpl_ready = True


#: Family name of the font subset embedded in HTML reports.
EMBEDDED_FAMILY = "macrodesk-cjk"


def cjk_font_subset(text: str, *, flavor: str | None = None, layout_features: bool = True) -> bytes:
    """Noto Sans CJK SC with only the characters of ``text`` (and the .notdef glyph), as OpenType
    (``flavor`` None) or ``"woff"`` (zlib). ``layout_features=False`` drops the OpenType layout
    features (horizontal Simplified Chinese needs none; the cut is smaller and about twice as fast).
    Uses fontTools, which matplotlib already depends on."""
    import io

    from fontTools import subset  # fontTools ships no type information

    opts = subset.Options()
    opts.flavor = flavor
    opts.layout_features = ["*"] if layout_features else []
    opts.notdef_outline = True
    font = subset.load_font(str(cjk_font_path()), opts)
    try:
        sub = subset.Subsetter(opts)
        sub.populate(text="".join(sorted(set(text))))
        sub.subset(font)
        buf = io.BytesIO()
        subset.save_font(font, buf, opts)
    finally:
        font.close()  # load_font keeps the font file open until closed
    return buf.getvalue()


def embedded_font_css(text: str) -> str:
    """An ``@font-face`` rule embedding Noto Sans CJK SC, subset to the characters of ``text``.

    Makes an HTML report render the same on a machine without Chinese fonts: a
    report's few hundred distinct characters subset to about 80 KB (WOFF, zlib).
    """
    import base64

    data = base64.b64encode(cjk_font_subset(text, flavor="woff")).decode("ascii")
    return (
        f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; '
        f'src: url(data:font/woff;base64,{data}) format("woff"); }}'
    )
