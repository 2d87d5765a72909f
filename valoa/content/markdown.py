"""Markdown written by editors, rendered once on save into sanitised HTML."""

import markdown as markdown_lib
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
HEADINGS = [f"h{level}" for level in range(1, 7)]


class DemoteHeadings(Treeprocessor):
    """Demote a text's headings so that none is above `top` (the page has its own h1):
    `# Otsikko` becomes an h2, and its subheadings move down with it."""

    def __init__(self, md, top: int):
        super().__init__(md)
        self.top = top

    def run(self, root):
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        if not headings:
            return
        shift = max(0, self.top - min(int(element.tag[1]) for element in headings))
        for element in headings:
            element.tag = f"h{min(6, int(element.tag[1]) + shift)}"


class HeadingLevels(Extension):
    def __init__(self, top: int):
        super().__init__()
        self.top = top

    def extendMarkdown(self, md):
        md.treeprocessors.register(DemoteHeadings(md, self.top), "demote_headings", 5)


def render_markdown(text: str, top_heading: int = 2) -> str:
    """Sanitised HTML; the text's headings start at `top_heading` (h2 under the page's h1)."""
    html = markdown_lib.markdown(
        text,
        extensions=["extra", "sane_lists", HeadingLevels(top_heading)],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
