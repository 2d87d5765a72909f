"""Post an admin form as a browser would: what the page shows, with some fields changed."""

from bs4 import BeautifulSoup


def form_values(html: bytes | str) -> dict[str, str | list[str]]:
    """The values the page's main form would send as it is."""
    form = BeautifulSoup(html, "html.parser").find("form", id=lambda v: v and v.endswith("_form"))
    data: dict[str, str | list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file", "button"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            options = field.find_all("option")
            chosen = [o.get("value", "") for o in options if o.has_attr("selected")]
            data[name] = chosen if field.has_attr("multiple") else (chosen[0] if chosen else "")
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def resubmit(client, url: str, **changes) -> "object":
    """GET the admin form at `url` and POST it back with `changes`."""
    data = form_values(client.get(url).content)
    data.update(changes)
    return client.post(url, data)
