"""Domain errors: raised by services, shown to people in Vietnamese."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from thidua.core.codes import ErrorCode


class DomainError(Exception):
    """A request that the rules of the domain refuse; ``message`` says what to fix.

    ``field`` names the input the refusal is about, when it is about one (a page shows the
    message beside that field of its form: ``thidua.core.refusals``).
    """

    code: str = ErrorCode.DOMAIN_ERROR

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code


class NotPermitted(DomainError):
    """The acting user may not do this."""

    code = ErrorCode.PERMISSION_DENIED

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or str(_("Bạn không có quyền thực hiện thao tác này.")))
