"""Writes of campaigns: load a campaign file (validated whole first), and nothing else yet."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from thidua.campaigns.files.errors import CampaignFileInvalid, FileError
from thidua.campaigns.files.load import campaign_load
from thidua.campaigns.files.validate import validate_text
from thidua.campaigns.models import Campaign

#: Campaign files shipped with thidua, by short name (``campaign load kh-128``).
SHIPPED = {
    "kh-128": Path(__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.yaml",
    "kh-2026-vinh-long": Path(__file__).parent / "data" / "kh-2026-vinh-long-minh-hoa.yaml",
}
MAX_FILE_BYTES = 2 * 1024 * 1024


def resolve_campaign_path(name: str) -> Path:
    """A path, or the short name of a shipped campaign file."""
    return SHIPPED.get(name, Path(name))


def campaign_load_bytes(*, content: bytes, source_name: str, actor: Any = None) -> Campaign:
    """Validate ``content`` whole, then load it; raise ``CampaignFileInvalid`` on any problem.

    Nothing is written when there is a problem: validation runs before the transaction,
    and the load itself is one transaction.
    """
    if len(content) > MAX_FILE_BYTES:
        raise CampaignFileInvalid(
            [FileError(None, "", _("tệp quá lớn (tối đa 2 MB); tệp kế hoạch thường dưới 200 KB"))]
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CampaignFileInvalid(
            [FileError(None, "", _("tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8"))]
        ) from exc
    if not text.strip():
        raise CampaignFileInvalid([FileError(None, "", _("tệp rỗng"))])
    spec = validate_text(text)
    unchanged = Campaign.objects.filter(
        code=spec.code, source_sha256=hashlib.sha256(content).hexdigest()
    ).first()
    if unchanged is not None:
        return unchanged  # the same file again: nothing to write, no event
    return campaign_load(spec=spec, source_name=source_name, source_bytes=content, actor=actor)


def campaign_load_path(path: Path, *, actor: Any = None) -> Campaign:
    """Read ``path`` and load it (see ``campaign_load_bytes``)."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise CampaignFileInvalid(
            [
                FileError(
                    None,
                    "",
                    _("không đọc được tệp %(path)s: %(reason)s")
                    % {"path": path, "reason": exc.strerror},
                )
            ]
        ) from exc
    return campaign_load_bytes(content=content, source_name=path.name, actor=actor)
