"""`python -m thidua decisions verify`: check the seal of every issued decision.

Re-computes each issued (or superseded) decision's seal from its rows and files as they
are now and checks the chain of seals (``decisions.integrity``). Prints one line per
problem and exits with status 1 when any is found, so a cron job or a monitoring check
can raise the alarm; prints the count checked otherwise.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.decisions.integrity import chain_problems, decision_integrity
from thidua.decisions.models import Decision, DecisionState


class Command(BaseCommand):
    help = _("Kiểm tra mã niêm phong của mọi quyết định đã ban hành.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "verify",
            help=_(
                "Tính lại mã niêm phong của mọi quyết định đã ban hành từ dữ liệu và tệp "
                "hiện có; báo mọi quyết định bị sửa, mất tệp hoặc bị xóa khỏi chuỗi."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        decisions = list(
            Decision.objects.exclude(state=DecisionState.DRAFT).order_by("issued_at", "pk")
        )
        problems = chain_problems([d for d in decisions if d.seal_sha256])
        broken = 0
        for decision in decisions:
            found = decision_integrity(decision, cached=False).problems + problems.get(
                decision.pk, []
            )
            broken += bool(found)
            for problem in found:
                self.stdout.write(
                    _("Quyết định %(number)s (mã %(pk)s): %(problem)s")
                    % {"number": decision.number, "pk": decision.pk, "problem": problem}
                )
        if broken:
            raise CommandError(
                _("%(broken)s trên %(count)s quyết định không khớp mã niêm phong.")
                % {"broken": broken, "count": len(decisions)}
            )
        self.stdout.write(
            _("Đã kiểm tra %(count)s quyết định: tất cả khớp mã niêm phong.")
            % {"count": len(decisions)}
        )
