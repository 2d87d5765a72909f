"""Plain-text snippets and titles with the words a query found marked, in whatever form.

The index (index.py) numbers the words of a document's fields; for the documents on a page it
tells which positions the query's tokens matched (`index.matched_positions`). Here the same
fields are split into words the same way, so those positions are words with a place in the
text: nothing of the stored text is analysed again when it is shown.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from valoa.search.analysis import words

SNIPPET_LENGTH = 260


def _emphasis(found: re.Match) -> str:
    """Emphasis and code marks go; an underscore or star inside a word (snake_case) stays."""
    text, (start, end) = found.string, found.span()
    inside = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return found.group() if inside and found.group()[0] != "`" else ""


_MARKDOWN = [
    (re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s[^)]*)?\)"), r"\1"),  # [text](address) → text
    (re.compile(r"<https?://[^>\s]*>"), " "),  # <address>
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # --- lines
    (re.compile(r"^[ \t]*(?:#{1,6}|>|[-*+])[ \t]+", re.MULTILINE), ""),  # headings, lists, quotes
    (re.compile(r"`+|[*_]+"), _emphasis),  # emphasis and code
]
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")


def plain_text(text: str) -> str:
    """Markdown as the words a reader sees, on one line: what is indexed and shown."""
    text = _CONTROL_CHARACTERS.sub(lambda found: "\n" if found.group() == "\n" else " ", text)
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def marked_html(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """The text escaped, with <mark> around each (start, end) span."""
    html, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        html += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    html.append(escape(text[at:]))
    return mark_safe("".join(html))  # every piece of text was escaped above


class Positions:
    """The words of a document's fields, numbered as the index numbers them: from 1, each
    field after the one before it and a gap (so that a phrase never spans two fields)."""

    def __init__(self, document, fields: Iterable[str]):
        self.fields = {}
        position = 0
        for name in fields:
            text = plain_text(getattr(document, name) or "")
            spans = []
            for start, end, _form in words(text):
                position += 1
                spans.append((position, start, end))
            self.fields[name] = (text, spans)
            position += 1

    def marked(self, name: str, found: set[int]) -> tuple[str, list[tuple[int, int]]]:
        text, spans = self.fields.get(name, ("", []))
        return text, [(start, end) for position, start, end in spans if position in found]


def title_html(positions: Positions, found: set[int]) -> SafeString:
    return marked_html(*positions.marked("title", found))


def snippet_html(
    positions: Positions, names: list[str], found: set[int], length: int = SNIPPET_LENGTH
) -> SafeString:
    """About `length` characters of these fields as plain text, around the first found word
    (or from the start), with the found words marked."""
    text, marks = "", []
    for name in names:
        field_text, field_marks = positions.marked(name, found)
        if not field_text:
            continue
        offset = len(text) + (1 if text else 0)
        text = f"{text} {field_text}" if text else field_text
        marks += [(start + offset, end + offset) for start, end in field_marks]
    start = 0
    if marks and marks[0][0] > length // 3:
        start = text.rfind(" ", 0, marks[0][0] - length // 3) + 1
    excerpt = Truncator(text[start:]).chars(length)
    visible = len(excerpt.removesuffix("…"))
    html = marked_html(
        excerpt, [(a - start, b - start) for a, b in marks if a >= start and b - start <= visible]
    )
    return mark_safe("…" + html) if start else html


def lead_html(document, length: int = SNIPPET_LENGTH) -> SafeString:
    """The lead as plain text, unmarked: for a document found through its comments."""
    return marked_html(Truncator(plain_text(document.lead)).chars(length), [])
