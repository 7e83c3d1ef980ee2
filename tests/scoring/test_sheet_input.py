"""The score sheet checks every row before saving: all bad values at once, each on its row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories.scoring import Cluster, make_set, self_submit, sheet_of
from tests.html_blocks import FIELDSET, block_with, text_of
from tests.pages import page_text, signed_in
from thidua.scoring.models import CriteriaSet, ScoreSheet

pytestmark = pytest.mark.django_db


@dataclass
class Draft:
    """Huyện Tiểu Cần's draft sheet, its criteria by code and its officer signed in."""

    criteria_set: CriteriaSet
    sheet: ScoreSheet
    client: Client

    def pk(self, code: str) -> int:
        return self.criteria_set.criteria.get(code=code).pk

    def save(self, data: dict[str, object]):  # type: ignore[no-untyped-def]
        return self.client.post(reverse("scoring:save", args=[self.sheet.pk]), data)


@pytest.fixture
def draft(cluster: Cluster) -> Draft:
    cs = make_set(cluster)
    unit = cluster.members[0]
    return Draft(cs, sheet_of(cs, unit), signed_in(cluster.officers[unit.pk]))


def _row(response, input_name: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the criterion's fieldset holding ``input_name``, its errors included."""
    return text_of(_row_html(response, input_name))


def _row_html(response, input_name: str) -> str:  # type: ignore[no-untyped-def]
    return block_with(response.content.decode(), FIELDSET, f'name="{input_name}"')


def test_every_bad_value_is_flagged_on_its_own_row_in_one_pass(draft: Draft) -> None:
    c11, c12, c21 = draft.pk("1.1"), draft.pk("1.2"), draft.pk("2.1")

    response = draft.save({f"p-{c11}": "30", f"p-{c12}": "-2", f"p-{c21}": "8"})

    assert response.status_code == 400
    assert "Biểu mẫu còn lỗi; hãy xem các ô được đánh dấu bên dưới." in page_text(response)
    assert "Tiêu chí 1.1: điểm phải từ 0 đến 25." in _row(response, f"p-{c11}")
    assert "Tiêu chí 1.2: điểm phải từ 0 đến 15." in _row(response, f"p-{c12}")
    assert "điểm phải" not in _row(response, f"p-{c21}")
    row_11, row_12 = _row_html(response, f"p-{c11}"), _row_html(response, f"p-{c12}")
    assert 'aria-invalid="true"' in row_11 and 'aria-invalid="true"' in row_12
    assert 'value="30"' in row_11 and 'value="-2"' in row_12
    assert draft.sheet.scores.get(criterion_id=c21).self_points is None  # nothing saved


def test_a_bad_number_and_a_bad_file_are_both_flagged_on_their_rows(draft: Draft) -> None:
    c11, c12 = draft.pk("1.1"), draft.pk("1.2")
    fake = SimpleUploadedFile("anh.jpg", b"not an image", "image/jpeg")

    response = draft.save({f"p-{c11}": "mười", f"p-{c12}": "10", f"f-{c12}": fake})

    assert "“mười” không phải là số điểm." in _row(response, f"p-{c11}")
    assert "Tệp “anh.jpg” không phải ảnh" in _row(response, f"p-{c12}")


def test_notes_too_long_are_refused_with_their_lengths(draft: Draft) -> None:
    c11 = draft.pk("1.1")

    response = draft.save({f"p-{c11}": "20", f"n-{c11}": "x" * 2500, "note": "y" * 3000})

    assert "Giải trình dài 2.500 ký tự, tối đa 2.000: hãy rút gọn." in _row(response, f"p-{c11}")
    assert "Ghi chú tự đánh giá chung dài 3.000 ký tự, tối đa 2.000: hãy rút gọn." in page_text(
        response
    )


def test_a_review_flags_every_bad_value_on_its_row(cluster: Cluster) -> None:
    cs = make_set(cluster)
    sheet = self_submit(cluster, cs, cluster.members[0])
    c11, c12 = cs.criteria.get(code="1.1").pk, cs.criteria.get(code="1.2").pk

    response = signed_in(cluster.cluster_leader).post(
        reverse("scoring:review", args=[sheet.pk]), {f"r-{c11}": "26", f"r-{c12}": "-1"}
    )

    assert "Tiêu chí 1.1: điểm phải từ 0 đến 25." in _row(response, f"r-{c11}")
    assert "Tiêu chí 1.2: điểm phải từ 0 đến 15." in _row(response, f"r-{c12}")
