"""How a refusal of the domain reaches a person on a page: the pages' error boundary.

Services refuse by raising :class:`~thidua.core.errors.DomainError`; the pages answer in
exactly two ways, each written once, here:

* A permission refusal (:class:`~thidua.core.errors.NotPermitted`) that a page view does
  not catch is the 403 page. :class:`RefusalMiddleware` answers it as Django answers its own
  ``PermissionDenied`` (the ``403.html`` template, the "Forbidden" log line), with the
  refusal's message. No view translates it by hand.
* Any other refusal says what to fix. A view runs its service call under
  :func:`refusal_caught`, which puts the message on the form (on the field the error names,
  else above the form), or in a flash message, or only keeps it for the view to show in a
  place of its own; and it says the success message when nothing was refused.

A typical action view::

    with refusal_caught(request, success=_("Đã thêm ảnh.")):
        workflow.exemplar_add_photo(actor=request.user, exemplar=story, ...)
    return redirect("exemplars:detail", pk=story.pk)

The API answers both refusals through its own handler (``thidua.api.kit.errors``): DRF catches
the errors raised in its views, so this middleware never sees them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm, FileField
from django.http import HttpRequest, HttpResponse

from thidua.core.codes import ErrorCode
from thidua.core.errors import DomainError, NotPermitted


@dataclass
class Outcome:
    """What became of the block run under :func:`refusal_caught`.

    ``refusal`` is the error the block raised, ``None`` when it ran to its end.
    """

    refusal: DomainError | None = None

    @property
    def ok(self) -> bool:
        """True when nothing was refused."""
        return self.refusal is None

    @property
    def error(self) -> str:
        """The refusal's message for a person; ``""`` when nothing was refused."""
        return self.refusal.message if self.refusal is not None else ""

    @property
    def forbidden(self) -> bool:
        """True when the refusal was a permission refusal (only with ``forbidden=True``)."""
        return isinstance(self.refusal, NotPermitted)


@contextmanager
def refusal_caught(
    request: HttpRequest | None = None,
    *,
    form: BaseForm | None = None,
    success: str = "",
    level: int = messages.ERROR,
    forbidden: bool = False,
) -> Iterator[Outcome]:
    """Run the block; a ``DomainError`` it raises becomes an :class:`Outcome`, not a crash.

    Guaranteed, when the block raises a ``DomainError`` that is not a permission refusal:
    the block stops, the error is kept on the outcome and

    * with ``form``, it is added to the form: on the field the error names (``field``)
      when the form has that field, a refused upload on the form's only file input, else
      as a non-field error;
    * else, with ``request``, it is a flash message of ``level`` (an error by default);
    * else it is only kept, for the view to show where it wants.

    A ``NotPermitted`` passes through untouched (the 403 page, :class:`RefusalMiddleware`),
    unless ``forbidden=True``: then it is caught and kept like any refusal, for an HTMX
    fragment that shows the refusal in place with its own 403 status. When the block
    raises nothing, ``success`` (if given) is a success message on ``request``. Any
    other exception passes through.
    """
    outcome = Outcome()
    try:
        yield outcome
    except DomainError as exc:
        if isinstance(exc, NotPermitted) and not forbidden:
            raise
        outcome.refusal = exc
        _show(exc, request=request, form=form, level=level)
    else:
        if success and request is not None:
            messages.success(request, success)


#: Refusals of an uploaded file (``core.uploads``): shown beside the form's file input.
FILE_REFUSALS = frozenset({ErrorCode.BAD_FILE_TYPE, ErrorCode.FILE_TOO_LARGE})


def _field_of(refusal: DomainError, form: BaseForm) -> str | None:
    """The field a refusal is shown beside: the one it names, else — for a refused
    upload — the form's only file input; ``None`` above the form."""
    if refusal.field in form.fields:
        return refusal.field
    if refusal.code in FILE_REFUSALS:
        files = [name for name, f in form.fields.items() if isinstance(f, FileField)]
        if len(files) == 1:
            return files[0]
    return None


def _show(
    refusal: DomainError, *, request: HttpRequest | None, form: BaseForm | None, level: int
) -> None:
    if form is not None:
        form.add_error(_field_of(refusal, form), refusal.message)
    elif request is not None:
        messages.add_message(request, level, refusal.message)


class RefusalMiddleware:
    """A ``NotPermitted`` that escapes a page view is the 403 page, with its message.

    It is raised again as Django's ``PermissionDenied``, so Django answers it as it answers
    a view's own check: the ``handler403`` view and ``403.html``, the log line, and the
    message passed to the template as ``exception``. Every other exception is left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """Re-raise a permission refusal as ``PermissionDenied``; let anything else pass."""
        if isinstance(exception, NotPermitted):
            raise PermissionDenied(exception.message) from exception
