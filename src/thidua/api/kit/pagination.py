"""Page-number pagination of every API list: ``?page=`` and ``?page_size=`` (at most 200)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """``{"count", "next", "previous", "results"}``; the page size defaults to PAGE_SIZE (50).

    Lists paginate in SQL (LIMIT/OFFSET plus one COUNT), so a page costs the same number
    of queries however many rows the list has.
    """

    page_size_query_param = "page_size"
    max_page_size = 200
    # Lazy translations where the stubs expect str: DRF calls str() on them when used.
    page_query_description = _("Số trang, bắt đầu từ 1.")  # type: ignore[assignment]
    page_size_query_description = _(  # type: ignore[assignment]
        "Số mục mỗi trang (mặc định 50, tối đa 200)."
    )
    # DRF formats this with str.format(page_number=…, message=…): keep it free of braces.
    invalid_page_message = _(  # type: ignore[assignment]
        "Trang không tồn tại: số trang phải là số nguyên từ 1 đến trang cuối."
    )
