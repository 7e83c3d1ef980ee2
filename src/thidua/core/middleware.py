"""Vietnamese first: the interface is Vietnamese unless the person picks English; and
numbers too large for any database refused before a view sees them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class VietnameseFirstMiddleware:
    """Ignore the browser's Accept-Language, so a phone set to English still opens the
    Vietnamese interface; the language switch (a cookie) is the only way to change it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


#: The largest integer every database thidua runs on stores (a signed 64-bit integer).
LARGEST_INTEGER = 2**63 - 1


def _too_large(value: object) -> bool:
    text = str(value).strip()
    digits = text[1:] if text[:1] in "+-" else text
    return digits.isdigit() and len(digits) > 18 and abs(int(text)) > LARGEST_INTEGER


class IntegerRangeMiddleware:
    """Refuse a number no database column can hold, before any view uses it.

    SQLite raises ``OverflowError`` (a 500) for an integer beyond 64 bits in an ``IN``
    filter, and a path id that large names nothing. So: a query-string value of digits
    beyond 2⁶³−1 answers 400 saying which parameter to fix on every page (the API checks
    its own filters, each with its message), such an id in the path answers 404 on every
    page and endpoint, and an ``OverflowError`` that reaches the database anyway answers
    400 (the API in its error format)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: object,
        args: tuple[object, ...],
        kwargs: dict[str, object],
    ) -> HttpResponse | None:
        if any(isinstance(v, int) and abs(v) > LARGEST_INTEGER for v in [*args, *kwargs.values()]):
            raise Http404(_("Không tìm thấy: mã số trong địa chỉ quá lớn."))
        if request.path.startswith("/api/"):
            return None  # the API checks its own filters, with a message for each
        for name, values in request.GET.lists():
            for value in values:
                if _too_large(value):
                    return self._refuse(request, name, value)
        return None

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """The last guard: a number too large that reached the database anyway (in a
        posted form, say) answers 400, not 500."""
        if isinstance(exception, OverflowError):
            return self._refuse(request, _("dữ liệu gửi lên"), _("một số"))
        return None

    def _refuse(self, request: HttpRequest, name: str, value: str) -> HttpResponse:
        message = _(
            "Giá trị “%(value)s” của “%(name)s” quá lớn: hãy nhập một số không quá "
            "%(limit)s chữ số."
        ) % {"value": value[:40], "name": name[:40], "limit": 18}
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": message, "code": "number_too_large", "errors": {name: [message]}},
                status=400,
                json_dumps_params={"ensure_ascii": False},
            )
        return render(request, "400.html", {"message": message}, status=400)
