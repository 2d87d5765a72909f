"""The site's form renderer writes every widget exactly as Django's own templates do: the
forms' markup (labels, values, ARIA, autocomplete) is the same, only cheaper to make."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from feedback.forms import FeedbackForm
from insights.forms import CommentForm
from stories.forms import SubmissionForm
from subscriptions.forms import SubscribeForm
from valoa.web.form_renderer import FormRenderer

ODD_TEXT = "Ääkköset & <b>\"lainaus\"</b> 'yksi'\n  rivit  "
WIDGETS = [
    forms.TextInput(),
    forms.TextInput(attrs={"autocomplete": "name", "required": True, "hidden": False}),
    forms.EmailInput(attrs={"data-x": '"<&>"', "maxlength": 0}),
    forms.HiddenInput(),
    forms.NumberInput(attrs={"min": 1, "step": None}),
    forms.PasswordInput(render_value=True),
    forms.URLInput(),
    forms.SearchInput(),
    forms.TelInput(),
    forms.DateInput(),
    forms.CheckboxInput(),
    forms.CheckboxInput(attrs={"checked": False}),
    forms.Textarea(attrs={"rows": 7, "aria-describedby": "a b"}),
]
VALUES = [None, "", "0", ODD_TEXT, mark_safe("<i>turvallinen</i>"), 12, True, False]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
def test_each_plain_widget_renders_as_djangos_template_does(widget):
    for value in VALUES:
        ours = widget.render("kentta", value, {"id": "id_kentta"}, renderer=FormRenderer())
        django = widget.render("kentta", value, {"id": "id_kentta"}, renderer=DjangoTemplates())
        assert ours == django, value


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form_class", [CommentForm, FeedbackForm, SubscribeForm, SubmissionForm], ids=str
)
def test_the_sites_forms_render_as_with_djangos_templates(form_class):
    sent = {"name": ODD_TEXT, "email": "ei-osoite", "body": ODD_TEXT, "kotisivu": "x"}
    for form in (form_class(), form_class(data=sent)):
        form.is_valid()
        ours = [str(field.as_widget(attrs=None)) for field in form]
        form.renderer = DjangoTemplates()
        django = [str(field.as_widget(attrs=None)) for field in form]
        assert ours == django
