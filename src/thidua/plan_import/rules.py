"""Permission predicates on plan import (django-rules).

Importing a plan creates a campaign, so it is the work of whoever may load a campaign
file: the Ban Thi đua - Khen thưởng (the secretariat of the issuing level, Luật Thi đua,
khen thưởng 2022 Điều 86 and NĐ 152/2025 on its tasks) and system administrators.
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.plan_import.models import ImportDraft


@rules.predicate
def can_import_plan(user: Any) -> bool:
    """The secretariat (Ban TĐKT) or an administrator: the people who load campaign files."""
    if not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    return reach.is_admin or Role.SECRETARIAT in reach.roles


@rules.predicate
def can_view_draft(user: Any, draft: ImportDraft | None) -> bool:
    """Its creator, the secretariat covering the creator's unit, or an administrator."""
    if draft is None:
        return False
    from thidua.plan_import.selectors import drafts_visible_to

    return drafts_visible_to(user).filter(pk=draft.pk).exists()


@rules.predicate
def can_review_draft(user: Any, draft: ImportDraft | None) -> bool:
    """Whoever may see a draft and import plans may decide on its fields and confirm it."""
    return bool(can_import_plan(user) and can_view_draft(user, draft))


rules.add_perm("plan_import.import_plan", can_import_plan)
rules.add_perm("plan_import.view_draft", can_view_draft)
rules.add_perm("plan_import.review_draft", can_review_draft)
