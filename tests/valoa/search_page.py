"""Reading the search page as a reader sees it: the results' titles and snippets as text, and
the words marked in them (parsed HTML, not patterns over markup)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Result:
    title: str = ""
    href: str = ""
    snippet: str = ""
    title_marks: list[str] = field(default_factory=list)
    snippet_marks: list[str] = field(default_factory=list)
    # Tags inside the snippet (only <mark> may come from the search).
    snippet_tags: list[str] = field(default_factory=list)


class _ResultsParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.results: list[Result] = []
        self.close_matches: list[str] = []
        self.suggestion = ""
        self._in = []  # open elements of interest: "results", "title", "snippet", "mark", …
        self._depth = 0  # of list items in the results: a result's themes are a list too

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ol" and "search-results" in classes:
            self._in.append("results")
        elif tag == "ul" and "close-matches" in classes:
            self._in.append("close")
        elif tag == "p" and "did-you-mean" in classes:
            self._in.append("suggestion")
        elif "results" in self._in and tag == "li":
            self._depth += 1
            if self._depth == 1:
                self.results.append(Result())
        elif "results" in self._in and tag == "h3":
            self._in.append("title")
        elif "title" in self._in and tag == "a":
            self.results[-1].href = attrs.get("href", "")
        elif "results" in self._in and tag == "p" and "snippet" in classes:
            self._in.append("snippet")
        elif tag == "mark":
            self._in.append("mark")
            self._mark = ""
        elif "snippet" in self._in:
            self.results[-1].snippet_tags.append(tag)
        elif "close" in self._in and tag == "a":
            self.close_matches.append("")
            self._in.append("close-link")

    def handle_endtag(self, tag):
        if tag == "li" and "results" in self._in:
            self._depth -= 1
        elif tag == "mark" and "mark" in self._in:
            self._in.remove("mark")
            target = "title_marks" if "title" in self._in else "snippet_marks"
            getattr(self.results[-1], target).append(self._mark)
        elif tag == "h3" and "title" in self._in:
            self._in.remove("title")
        elif tag == "p" and self._in and self._in[-1] in ("snippet", "suggestion"):
            self._in.pop()
        elif tag == "ol" and "results" in self._in:
            self._in.remove("results")
        elif tag == "a" and "close-link" in self._in:
            self._in.remove("close-link")
        elif tag == "ul" and "close" in self._in:
            self._in.remove("close")

    def handle_data(self, data):
        if "mark" in self._in:
            self._mark += data
        if "title" in self._in:
            self.results[-1].title += data
        elif "snippet" in self._in:
            self.results[-1].snippet += data
        elif "suggestion" in self._in:
            self.suggestion += data
        elif "close-link" in self._in:
            self.close_matches[-1] += data


@dataclass
class SearchPage:
    html: str
    results: list[Result]
    close_matches: list[str]
    suggestion: str  # the "Tarkoititko …?" sentence, or ""

    @property
    def titles(self) -> list[str]:
        return [result.title for result in self.results]


def search_page(client, query: str = "", **params) -> SearchPage:
    if query:
        params["q"] = query
    response = client.get("/haku/", params)
    assert response.status_code == 200
    html = response.content.decode()
    parser = _ResultsParser()
    parser.feed(html)
    return SearchPage(
        html, parser.results, parser.close_matches, " ".join(parser.suggestion.split())
    )


def titles(client, query: str = "", **params) -> list[str]:
    return search_page(client, query, **params).titles
