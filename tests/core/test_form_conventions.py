"""What every form does with its fields: length limits with a message, Vietnamese empty
choices, the only choice preselected (``thidua.core.form_conventions``)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import thidua
from thidua.core import lengths
from thidua.core.errors import DomainError
from thidua.core.form_conventions import FormConventions
from thidua.organisations.models import Unit


class NoteForm(FormConventions, forms.Form):
    title = forms.CharField(label="Tên công trình", max_length=500)
    description = forms.CharField(label="Mô tả", required=False, widget=forms.Textarea)
    place = forms.CharField(label="Nơi thực hiện", required=False)


class UnitForm(FormConventions, forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none())
    parent = forms.ModelChoiceField(
        label="Đơn vị cấp trên", queryset=Unit.objects.none(), required=False
    )
    kind = forms.ChoiceField(label="Loại", choices=[("", "---------"), ("a", "A")])
    level = forms.ChoiceField(label="Cấp", choices=[("", "---------"), ("1", "1"), ("2", "2")])

    def __init__(self, *args, units, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["parent"].queryset = units  # type: ignore[attr-defined]


def test_a_description_too_long_is_refused_with_both_lengths() -> None:
    form = NoteForm({"title": "Đường giao thông nông thôn", "description": "x" * 93_000})

    assert not form.is_valid()
    assert form.errors["description"] == ["Mô tả dài 93.000 ký tự, tối đa 5.000: hãy rút gọn."]


def test_a_title_too_long_is_refused_not_cut() -> None:
    form = NoteForm({"title": "Đ" * 600})

    assert not form.is_valid()
    assert form.errors["title"] == ["Tên công trình dài 600 ký tự, tối đa 500: hãy rút gọn."]


def test_a_line_without_its_own_limit_gets_the_line_limit() -> None:
    form = NoteForm({"title": "Cầu", "place": "p" * (lengths.LINE + 1)})

    assert not form.is_valid()
    assert form.errors["place"] == ["Nơi thực hiện dài 256 ký tự, tối đa 255: hãy rút gọn."]


def test_texts_within_their_limits_pass_whole() -> None:
    form = NoteForm({"title": "T" * 500, "description": "d" * 5000})

    assert form.is_valid()
    assert len(form.cleaned_data["title"]) == 500
    assert len(form.cleaned_data["description"]) == 5000


def test_the_browser_never_cuts_a_paste_the_field_says_its_limit_instead() -> None:
    html = str(NoteForm())

    assert " maxlength=" not in html
    assert 'data-maxlength="500"' in html
    assert 'data-maxlength="5000"' in html
    assert 'data-maxlength="255"' in html


def test_check_length_refuses_a_posted_text_naming_its_field() -> None:
    with pytest.raises(DomainError) as refused:
        lengths.check_length("a" * 2001, limit=lengths.NOTE, label="Lý do", field="reason")

    assert refused.value.message == "Lý do dài 2.001 ký tự, tối đa 2.000: hãy rút gọn."
    assert refused.value.field == "reason"


def test_empty_choices_say_what_to_choose(province) -> None:  # type: ignore[no-untyped-def]
    html = str(UnitForm(units=Unit.objects.filter(kind="district")))

    assert "---------" not in html
    assert "— Chọn đơn vị —" in html
    assert "— Chọn đơn vị cấp trên —" in html
    assert "— Chọn cấp —" in html


def test_the_only_choice_of_a_required_select_is_chosen(province) -> None:  # type: ignore[no-untyped-def]
    form = UnitForm(units=Unit.objects.filter(pk=province.district_a.pk))

    html = str(form["unit"])

    assert f'<option value="{province.district_a.pk}" selected>Huyện Cầu Kè</option>' in html
    assert "— Chọn" not in html
    assert 'value="a" selected' in str(form["kind"])
    assert f'value="{province.district_a.pk}" selected' not in str(form["parent"])  # optional
    assert '<option value="" selected>— Chọn cấp —' in str(form["level"])  # two choices


def test_a_bound_form_keeps_what_was_sent(province) -> None:  # type: ignore[no-untyped-def]
    form = UnitForm({"kind": "a"}, units=Unit.objects.filter(pk=province.district_a.pk))

    assert not form.is_valid()
    assert "unit" in form.errors


# Forms whose module another change is rewriting; the lead adds the mixin when merging.
PENDING: set[str] = set()


def _project_forms() -> list[type[forms.BaseForm]]:
    found = []
    for info in pkgutil.walk_packages(thidua.__path__, "thidua."):
        if "migrations" in info.name or info.name in PENDING or ".tests" in info.name:
            continue
        if not (info.name.endswith(("forms", "forms_actions", "views")) or "views_" in info.name):
            continue
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
                and value.__module__.startswith("thidua.")
            ):
                found.append(value)
    return found


def test_every_form_of_thidua_keeps_the_conventions() -> None:
    project_forms = _project_forms()

    assert len(project_forms) > 20
    assert [f.__qualname__ for f in project_forms if not issubclass(f, FormConventions)] == []
