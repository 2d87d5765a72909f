"""{% memo %}: markup rendered once per language and keys, then reused."""

import pytest
from django.template import TemplateSyntaxError, engines
from django.utils import translation

from valoa.templatetags.valoa_tags import Kept


def parsed(source: str):
    return engines["django"].from_string("{% load i18n valoa_tags %}" + source)


def test_a_memo_is_rendered_once_for_each_language_and_key():
    memo = parsed(
        "{% memo key %}{{ shown }} {% get_current_language as code %}{{ code }}{% endmemo %}"
    )

    assert memo.render({"key": 1, "shown": "a"}) == "a fi"
    assert memo.render({"key": 1, "shown": "b"}) == "a fi"
    assert memo.render({"key": 2, "shown": "b"}) == "b fi"
    with translation.override("sv"):
        assert memo.render({"key": 1, "shown": "c"}) == "c sv"


def test_a_block_inside_a_memo_is_refused():
    """{% extends %} does not look inside a memo for blocks (nothing there may differ)."""
    with pytest.raises(TemplateSyntaxError, match="memo"):
        parsed("{% memo %}{% block title %}{% endblock %}{% endmemo %}")


def test_markup_kept_for_made_up_long_addresses_stays_within_its_budget():
    kept = Kept(limit=1000, characters=10_000)
    for number in range(100):
        kept.keep(number, "x" * 1000)

        assert kept.size <= 11_000
        assert sum(len(markup) for markup in kept.values()) == kept.size
