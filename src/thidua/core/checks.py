"""Deploy checks for running on several hosts (``python -m thidua check --deploy``).

Django's "System check framework" reference: a check registered with ``deploy=True``
runs with ``--deploy`` only. These warn about what would make two web servers or two
workers disagree: files in a bucket the configuration cannot reach, and state kept in one
process's memory or on one machine's disk (a local-memory, dummy or file cache; sessions
in files or in such a cache). docs/operations.md, "Scaling out", says what is shared and
where.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

from thidua.core.file_storage import KINDS, S3, s3_problems

#: Cache backends whose content one process or one machine keeps to itself.
LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}
#: Session engines that keep the session on one machine, or in the cache.
FILE_SESSIONS = "django.contrib.sessions.backends.file"
CACHE_SESSIONS = "django.contrib.sessions.backends.cache"


@checks.register(checks.Tags.compatibility, deploy=True)
def storage_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """THIDUA_STORAGE names a known kind; with ``s3``, the bucket and a full key pair."""
    kind = settings.THIDUA_STORAGE
    if kind not in KINDS:
        return [
            checks.Warning(
                _("THIDUA_STORAGE=%(kind)s không được hỗ trợ; tệp đang được lưu trên đĩa máy này.")
                % {"kind": kind},
                hint=_("Dùng “local” (đĩa máy chủ) hoặc “s3” (kho lưu trữ tương thích S3)."),
                id="thidua.W001",
            )
        ]
    options = settings.STORAGES["default"].get("OPTIONS", {})
    missing = s3_problems(kind, options) if kind == S3 else []
    if not missing:
        return []
    return [
        checks.Warning(
            _("THIDUA_STORAGE=s3 nhưng cấu hình kho S3 chưa đủ: thiếu %(names)s.")
            % {"names": ", ".join(missing)},
            hint=_("Đặt các biến này cho mọi máy chủ web và tiến trình nền (docs/operations.md)."),
            id="thidua.W002",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def shared_state_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every cache and the sessions are kept where every process reads them."""
    found: list[checks.CheckMessage] = []
    for alias, cache in settings.CACHES.items():
        if cache.get("BACKEND") in LOCAL_CACHES:
            found.append(
                checks.Warning(
                    _(
                        "Bộ nhớ đệm “%(alias)s” (%(backend)s) chỉ riêng một tiến trình hoặc "
                        "một máy thấy: giới hạn tần suất và dữ liệu đệm sẽ khác nhau giữa các "
                        "máy chủ."
                    )
                    % {"alias": alias, "backend": cache["BACKEND"]},
                    hint=_("Dùng bộ nhớ đệm trong cơ sở dữ liệu (mặc định của thidua)."),
                    id="thidua.W003",
                )
            )
    engine = settings.SESSION_ENGINE
    session_cache = settings.CACHES.get(settings.SESSION_CACHE_ALIAS, {}).get("BACKEND")
    if engine == FILE_SESSIONS or (engine == CACHE_SESSIONS and session_cache in LOCAL_CACHES):
        found.append(
            checks.Warning(
                _(
                    "Phiên đăng nhập (%(engine)s) được lưu riêng trên một máy: người dùng sẽ "
                    "bị đăng xuất khi yêu cầu đến máy chủ khác."
                )
                % {"engine": engine},
                hint=_("Dùng phiên trong cơ sở dữ liệu (mặc định của Django và thidua)."),
                id="thidua.W004",
            )
        )
    return found
