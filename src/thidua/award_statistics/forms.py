"""Form of the statistics page: recording that the report was sent."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField


class SentForm(FormConventions, forms.Form):
    """The day the report went to the Ministry of Home Affairs and the dispatch's number."""

    sent_on = VnDateField(label=_("Ngày gửi"))
    reference = forms.CharField(max_length=128, required=False, label=_("Số văn bản gửi"))
