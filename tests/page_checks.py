"""What every page of the site must be, read from its parsed HTML: one h1 in the main
landmark, no inline scripts or style attributes (CSP), a label for every visible field."""

from bs4 import BeautifulSoup


def h1_outside_main(soup: BeautifulSoup) -> list:
    return [h1 for h1 in soup.find_all("h1") if h1.find_parent("main", id="sisalto") is None]


def inline_scripts(soup: BeautifulSoup) -> list:
    return [script for script in soup.find_all("script") if not script.get("src")]


def styled_elements(soup: BeautifulSoup) -> list:
    return soup.find_all(style=True)


def unlabelled_fields(soup: BeautifulSoup) -> list[str]:
    """Ids of the visible inputs, selects and text areas that no <label for> names."""
    labelled = {label.get("for") for label in soup.find_all("label")}
    fields = soup.find_all(["input", "select", "textarea"], id=True)
    return [
        field["id"]
        for field in fields
        if field.get("type") != "hidden" and field["id"] not in labelled
    ]


def stylesheets(soup: BeautifulSoup) -> list[str]:
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


def kept_out_of_search_engines(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None


def broken_rules(soup: BeautifulSoup) -> list[str]:
    """Which of the rules every page keeps this one breaks: exactly one h1, inside the main
    landmark; no inline script; no style attribute."""
    broken = []
    if len(soup.find_all("h1")) != 1 or h1_outside_main(soup):
        broken.append("one h1 in <main>")
    if inline_scripts(soup):
        broken.append("inline script")
    if styled_elements(soup):
        broken.append("style attribute")
    return broken
