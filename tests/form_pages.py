"""A form on a page as a person and a screen reader meet it: labels, legends, inputs."""

from bs4 import BeautifulSoup, Tag


def parse(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser")


def text(element: Tag) -> str:
    return " ".join(element.get_text().split())


def label(soup: BeautifulSoup, field_id: str) -> str:
    """The text of the label that names the field with this id."""
    return text(soup.find("label", attrs={"for": field_id}))


def legends(soup: BeautifulSoup) -> list[str]:
    return [text(legend) for legend in soup.find_all("legend")]


def group_legend(soup: BeautifulSoup, field_id: str) -> str:
    """The legend of the fieldset around a radio button or checkbox."""
    return text(soup.find(id=field_id).find_parent("fieldset").legend)


def hrefs(page: str) -> list[str]:
    """The addresses the page's links point at."""
    return [link["href"] for link in parse(page).find_all("a", href=True)]


def link_texts(page: str) -> dict[str, str]:
    """Each link's address and its text."""
    return {link["href"]: text(link) for link in parse(page).find_all("a", href=True)}


def heading(page: str) -> str:
    """The text of the page's h1."""
    return text(parse(page).h1)
