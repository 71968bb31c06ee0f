"""Make file names from words: what a file is and for which choices, in the reader's language, never codes."""

from __future__ import annotations

import re
import unicodedata

MAX_PART = 40  # characters of one part (a long question is cut at a word)


def slug(text: str) -> str:
    """Return text as a file-name part: lower case, å/ä/ö as a/a/o, words joined by underscores."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"\d{4}-\d{2}-\d{2}|[a-z0-9]+", plain)  # a date keeps its hyphens
    part = ""
    for word in words:
        if part and len(part) + 1 + len(word) > MAX_PART:
            break
        part = f"{part}_{word}" if part else word
    return part


def file_stem(*parts) -> str:
    """Return a file name's stem from words and numbers, leaving out empty parts."""
    return "_".join(s for s in (slug(p) for p in parts if p not in (None, "")) if s)
