"""Domain errors: raised by services, shown to people in Vietnamese."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from thidua.core.codes import ErrorCode


class DomainError(Exception):
    """A request that the rules of the domain refuse; ``message`` says what to fix."""

    code: str = ErrorCode.DOMAIN_ERROR

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class NotPermitted(DomainError):
    """The acting user may not do this."""

    code = ErrorCode.PERMISSION_DENIED

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or str(_("Bạn không có quyền thực hiện thao tác này.")))
