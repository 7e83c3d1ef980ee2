"""What every form of thidua does with its fields, written once: :class:`FormConventions`.

* A free-text field has a length limit, checked on the server with a message that says the
  limit and the length typed (``thidua.core.lengths``). The browser's ``maxlength`` is not
  used — it cuts a pasted text short without a word —; the field carries
  ``data-maxlength`` instead, from which ``app.js`` shows a counter near the limit.
* A select's empty choice reads "— Chọn … —" (Django's "---------" means nothing to
  a person).
* A required select that offers exactly one choice has it chosen already: a commune
  officer who may register under one campaign only does not have to pick it.

The conventions are applied to a field the first time the form hands it out (rendering or
validating it), so that they also reach the fields and querysets a form's ``__init__`` sets
after Django's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.utils import pretty_name
from django.utils.translation import gettext as _

from thidua.core import lengths

DJANGO_EMPTY_LABEL = "---------"


def empty_label(label: Any) -> str:
    """ "— Chọn phong trào —" for a field labelled "Phong trào" (acronyms keep their case)."""
    text = str(label or "").strip().rstrip(":")
    if len(text) > 1 and text[1].islower():
        text = text[0].lower() + text[1:]
    return _("— Chọn %(what)s —") % {"what": text} if text else _("— Chọn —")


def limit_length(field: forms.CharField, default: int, label: Any = None) -> None:
    """Give ``field`` its limit (its own ``max_length``, else ``default``) and the message
    naming it ``label`` (its own label by default)."""
    limit = field.max_length or default
    field.max_length = limit
    field.validators = [
        v for v in field.validators if not isinstance(v, MaxLengthValidator | lengths.LengthLimit)
    ]
    field.validators.append(lengths.LengthLimit(limit, label or field.label))
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs["data-maxlength"] = str(limit)


def _free_text(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.PasswordInput | forms.HiddenInput
    )


def _choices(field: forms.ChoiceField) -> list[tuple[Any, Any]]:
    return list(cast(Iterable[tuple[Any, Any]], field.choices))


def _name_empty_choice(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_EMPTY_LABEL:
            field.empty_label = empty_label(field.label)
    elif isinstance(field, forms.ChoiceField):
        choices = _choices(field)
        if any(value == "" and text == DJANGO_EMPTY_LABEL for value, text in choices):
            field.choices = [
                (value, empty_label(field.label) if value == "" else text)
                for value, text in choices
            ]


def only_choice(field: forms.Field) -> Any:
    """The value of the one choice a required select offers (a model select then drops
    its empty choice); ``None`` when there are more, none, or the field may stay empty."""
    if not field.required or isinstance(field, forms.MultipleChoiceField):
        return None
    if isinstance(field, forms.ModelMultipleChoiceField):
        return None
    if isinstance(field, forms.ModelChoiceField):
        found = list(field.queryset[:2]) if field.queryset is not None else []
        if len(found) != 1:
            return None
        field.empty_label = None
        return found[0].pk
    if isinstance(field, forms.ChoiceField):
        values = [value for value, _text in _choices(field) if value != ""]
        return values[0] if len(values) == 1 else None
    return None


class FormConventions(forms.BaseForm):
    """Mix into every form, before Django's class: ``class WorkForm(FormConventions, forms.Form)``.

    Guaranteed for each field, from the first time the form hands it out: a free-text
    field (any ``CharField`` but a password) refuses a text longer than its ``max_length``
    — or than ``lengths.TEXT`` in a text area, ``lengths.LINE`` in a line, when the form
    sets none — with ``lengths.length_message``; a select's empty choice says what to
    choose; an unbound form preselects the only choice of a required select.
    """

    _conventions_done: set[str]

    def __getitem__(self, name: str) -> forms.BoundField:
        done = self.__dict__.setdefault("_conventions_done", set())
        if name not in done and name in self.fields:
            done.add(name)
            field = self.fields[name]
            if _free_text(field):
                assert isinstance(field, forms.CharField)
                textarea = isinstance(field.widget, forms.Textarea)
                label = field.label if field.label is not None else pretty_name(name)
                limit_length(field, lengths.TEXT if textarea else lengths.LINE, label)
            _name_empty_choice(field)
        return super().__getitem__(name)

    def get_initial_for_field(self, field: forms.Field, field_name: str) -> Any:
        value = super().get_initial_for_field(field, field_name)
        if value is None and not self.is_bound:
            chosen = only_choice(field)
            if chosen is not None:
                return chosen
        return value
