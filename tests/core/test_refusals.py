"""The pages' error boundary: a permission refusal is the 403 page with its message; any
other refusal is a form error, a flash message or a value the view shows itself."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import include, path

from thidua.core.codes import ErrorCode
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.refusals import refusal_caught

# -- a page that refuses, served with the project's own pages (the 403 template needs them)


def _refusing_view(request: HttpRequest) -> HttpResponse:
    raise NotPermitted("Chỉ thủ trưởng đơn vị mới ký được báo cáo này.")


def _wrong_view(request: HttpRequest) -> HttpResponse:
    raise DomainError("Báo cáo đã nộp, không sửa được nữa.")


urlpatterns = [
    path("thu/tu-choi/", _refusing_view),
    path("thu/sai/", _wrong_view),
    path("", include("thidua.urls")),
]


@pytest.mark.urls(__name__)
def test_permission_refusal_under_a_page_is_the_403_page_with_its_message(db):
    response = Client().get("/thu/tu-choi/")

    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Không có quyền truy cập" in html
    assert "Chỉ thủ trưởng đơn vị mới ký được báo cáo này." in html


@pytest.mark.urls(__name__)
def test_other_refusal_left_uncaught_is_not_made_a_403(db):
    with pytest.raises(DomainError, match="Báo cáo đã nộp"):
        Client().get("/thu/sai/")


# -- refusal_caught, the one helper views call


class _ReportForm(forms.Form):
    title = forms.CharField()
    year = forms.IntegerField()


def _request() -> HttpRequest:
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _said(request: HttpRequest) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(request)]


def test_refusal_becomes_an_error_message():
    request = _request()

    with refusal_caught(request, success="Đã lưu.") as outcome:
        raise DomainError("Hạn nộp đã qua.")

    assert _said(request) == [("error", "Hạn nộp đã qua.")]
    assert not outcome.ok
    assert outcome.error == "Hạn nộp đã qua."
    assert not outcome.forbidden


def test_success_message_when_nothing_is_refused():
    request = _request()

    with refusal_caught(request, success="Đã lưu.") as outcome:
        done = "xong"

    assert done == "xong"
    assert _said(request) == [("success", "Đã lưu.")]
    assert outcome.ok
    assert outcome.error == ""


def test_refusal_message_at_the_level_asked():
    request = _request()

    with refusal_caught(request, level=messages.WARNING):
        raise DomainError("Đang tổng hợp, hãy chờ.")

    assert _said(request) == [("warning", "Đang tổng hợp, hãy chờ.")]


def test_refusal_naming_a_field_goes_beside_that_field():
    form = _ReportForm({"title": "Báo cáo quý I", "year": "2025"})
    assert form.is_valid()

    with refusal_caught(form=form) as outcome:
        raise DomainError("Năm này đã có báo cáo.", field="year")

    assert form.errors == {"year": ["Năm này đã có báo cáo."]}
    assert outcome.error == "Năm này đã có báo cáo."


def test_refusal_naming_no_field_of_the_form_goes_above_it():
    form = _ReportForm({"title": "Báo cáo quý I", "year": "2025"})
    assert form.is_valid()
    request = _request()

    with refusal_caught(request, form=form, success="Đã lưu."):
        raise DomainError("Kỳ báo cáo đã đóng.", field="period")

    assert form.non_field_errors() == ["Kỳ báo cáo đã đóng."]
    assert list(form.errors) == ["__all__"]
    assert _said(request) == []


def test_refusal_only_kept_when_there_is_nowhere_to_show_it():
    with refusal_caught() as outcome:
        raise DomainError("Thiếu biên bản họp.")

    assert outcome.refusal is not None
    assert outcome.refusal.message == "Thiếu biên bản họp."


def test_permission_refusal_passes_through_to_the_403_boundary():
    request = _request()

    with pytest.raises(NotPermitted), refusal_caught(request, success="Đã lưu."):
        raise NotPermitted("Chỉ Ban Thi đua - Khen thưởng.")

    assert _said(request) == []


def test_permission_refusal_kept_when_the_fragment_shows_it_in_place():
    with refusal_caught(forbidden=True) as outcome:
        raise NotPermitted("Chỉ Ban Thi đua - Khen thưởng.")

    assert outcome.forbidden
    assert outcome.error == "Chỉ Ban Thi đua - Khen thưởng."


def test_other_errors_pass_through():
    request = _request()

    with pytest.raises(ValueError, match="hỏng"), refusal_caught(request, success="Đã lưu."):
        raise ValueError("hỏng")

    assert _said(request) == []


class _UploadForm(forms.Form):
    title = forms.CharField()
    evidence = forms.FileField(required=False)


def test_a_refused_upload_goes_beside_the_forms_only_file_input():
    form = _UploadForm({"title": "Ảnh"})

    with refusal_caught(form=form) as outcome:
        raise DomainError("Tệp “a.txt” không phải ảnh.", code=ErrorCode.BAD_FILE_TYPE)

    assert not outcome.ok
    assert form.errors == {"evidence": ["Tệp “a.txt” không phải ảnh."]}
