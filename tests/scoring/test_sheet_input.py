"""The score sheet checks every row before saving: all bad values at once, each on its row."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.pages.conftest import page_text, signed_in
from tests.scoring.conftest import Cluster, make_set, self_submit, sheet_of

pytestmark = pytest.mark.django_db


def _row_html(html: str, input_name: str) -> str:
    """The criterion's fieldset on the page: from its <fieldset> to its </fieldset>."""
    for block in re.findall(r"<fieldset.*?</fieldset>", html, flags=re.DOTALL):
        if f'name="{input_name}"' in block:
            return block
    raise AssertionError(f"no row with {input_name}")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_every_bad_value_is_flagged_on_its_own_row_in_one_pass(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    sheet = sheet_of(cs, unit)
    c11, c12, c21 = (cs.criteria.get(code=code) for code in ("1.1", "1.2", "2.1"))
    client = signed_in(cluster.officers[unit.pk])

    response = client.post(
        reverse("scoring:save", args=[sheet.pk]),
        {f"p-{c11.pk}": "30", f"p-{c12.pk}": "-2", f"p-{c21.pk}": "8"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Biểu mẫu còn lỗi; hãy xem các ô được đánh dấu bên dưới." in page_text(response)
    row_11, row_12 = _row_html(html, f"p-{c11.pk}"), _row_html(html, f"p-{c12.pk}")
    assert "Tiêu chí 1.1: điểm phải từ 0 đến 25." in _text(row_11)
    assert "Tiêu chí 1.2: điểm phải từ 0 đến 15." in _text(row_12)
    assert 'aria-invalid="true"' in row_11 and 'aria-invalid="true"' in row_12
    assert "điểm phải" not in _text(_row_html(html, f"p-{c21.pk}"))
    assert 'value="30"' in row_11 and 'value="-2"' in row_12
    sheet.refresh_from_db()
    assert sheet.scores.get(criterion=c21).self_points is None  # nothing saved


def test_a_bad_number_and_a_bad_file_are_both_flagged_on_their_rows(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    c11, c12 = cs.criteria.get(code="1.1"), cs.criteria.get(code="1.2")
    fake = SimpleUploadedFile("anh.jpg", b"not an image", "image/jpeg")
    client = signed_in(cluster.officers[unit.pk])

    response = client.post(
        reverse("scoring:save", args=[sheet_of(cs, unit).pk]),
        {f"p-{c11.pk}": "mười", f"p-{c12.pk}": "10", f"f-{c12.pk}": fake},
    )

    html = response.content.decode()
    assert "“mười” không phải là số điểm." in _text(_row_html(html, f"p-{c11.pk}"))
    assert "Tệp “anh.jpg” không phải ảnh" in _text(_row_html(html, f"p-{c12.pk}"))


def test_a_review_flags_every_bad_value_on_its_row(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    sheet = self_submit(cluster, cs, unit)
    c11, c12 = cs.criteria.get(code="1.1"), cs.criteria.get(code="1.2")

    response = signed_in(cluster.cluster_leader).post(
        reverse("scoring:review", args=[sheet.pk]), {f"r-{c11.pk}": "26", f"r-{c12.pk}": "-1"}
    )

    html = response.content.decode()
    assert "Tiêu chí 1.1: điểm phải từ 0 đến 25." in _text(_row_html(html, f"r-{c11.pk}"))
    assert "Tiêu chí 1.2: điểm phải từ 0 đến 15." in _text(_row_html(html, f"r-{c12.pk}"))


def test_a_note_too_long_is_refused_with_its_length(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    c11 = cs.criteria.get(code="1.1")
    client = signed_in(cluster.officers[unit.pk])

    response = client.post(
        reverse("scoring:save", args=[sheet_of(cs, unit).pk]),
        {f"p-{c11.pk}": "20", f"n-{c11.pk}": "x" * 2500, "note": "y" * 3000},
    )

    assert "Giải trình dài 2.500 ký tự, tối đa 2.000: hãy rút gọn." in _text(
        _row_html(response.content.decode(), f"p-{c11.pk}")
    )
    assert "Ghi chú tự đánh giá chung dài 3.000 ký tự, tối đa 2.000: hãy rút gọn." in page_text(
        response
    )
