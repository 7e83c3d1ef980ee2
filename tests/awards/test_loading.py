"""Loading award forms, rules, authorities, salaries and holidays from YAML."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from thidua.awards.loading import SHIPPED_FILE, AwardDataError, award_forms_load
from thidua.awards.models import AwardAuthority, AwardForm, AwardRule, BaseSalary, Holiday


def test_shipped_file_loads_every_form_with_two_rule_versions(db: None) -> None:
    text = SHIPPED_FILE.read_text(encoding="utf-8")

    award_forms_load(data=text)

    codes = set(AwardForm.objects.values_list("code", flat=True))
    assert codes == {
        "bang-khen-tinh", "giay-khen", "ldtt", "cstdcs", "cstd-tinh", "ttldtt", "ttldxs",
        "co-thi-dua-tinh", "huan-chuong-lao-dong", "cstd-toan-quoc", "bang-khen-thu-tuong",
        "co-thi-dua-chinh-phu",
    }  # fmt: skip
    for form in AwardForm.objects.all():
        windows = list(form.rules.order_by("valid_from").values_list("valid_from", "valid_to"))
        assert windows == [
            (dt.date(2024, 1, 1), dt.date(2025, 6, 30)),
            (dt.date(2025, 7, 1), None),
        ]
    assert (
        "152/2025"
        in AwardRule.objects.get(form__code="cstdcs", valid_from=dt.date(2025, 7, 1)).legal_basis
    )
    assert BaseSalary.objects.get(valid_from=dt.date(2024, 7, 1)).amount == 2_340_000
    assert Holiday.objects.get(date=dt.date(2025, 1, 29)).name.startswith("Tết Nguyên đán")
    assert Holiday.objects.get(date=dt.date(2025, 4, 26)).working is True


def test_second_load_changes_nothing(db: None) -> None:
    text = SHIPPED_FILE.read_text(encoding="utf-8")
    award_forms_load(data=text)
    before = AwardAuthority.objects.count(), AwardRule.objects.count(), Holiday.objects.count()

    summary = award_forms_load(data=text)

    assert (
        AwardAuthority.objects.count(),
        AwardRule.objects.count(),
        Holiday.objects.count(),
    ) == before
    assert "0 mới, 0 cập nhật" in summary.describe()


def test_bad_file_lists_every_problem_and_writes_nothing(db: None) -> None:
    text = """
forms:
  - code: thu
    name: Hình thức thử
    kind: form
    subject_kinds: [nguoi]
    legal_basis: Luật
    rules:
      - {valid_from: 2025-07-01, valid_to: 2025-01-01, legal_basis: x, dossier: [cover, giay]}
    authorities: []
base_salaries:
  - {valid_from: 2024-07-01, amount: nhieu, legal_basis: x}
"""

    with pytest.raises(AwardDataError) as caught:
        award_forms_load(data=text)

    joined = "\n".join(caught.value.errors)
    assert "đối tượng không có: nguoi" in joined
    assert "loại tài liệu không có: giay" in joined
    assert "base_salaries → mục 1 → amount" in joined
    assert AwardForm.objects.count() == 0


def test_rule_window_ending_before_it_starts_is_refused(db: None) -> None:
    text = SHIPPED_FILE.read_text(encoding="utf-8").replace(
        "valid_to: 2025-06-30\n        legal_basis: Luật TĐKT 2022 Điều 74",
        "valid_to: 2023-06-30\n        legal_basis: Luật TĐKT 2022 Điều 74",
        1,
    )

    with pytest.raises(AwardDataError) as caught:
        award_forms_load(data=text)

    assert "ngày hết hiệu lực trước ngày bắt đầu hiệu lực" in "\n".join(caught.value.errors)
    assert AwardForm.objects.count() == 0


def test_command_loads_and_reports_errors_in_vietnamese(db: None, tmp_path) -> None:
    out = StringIO()
    call_command("awards", "load-forms", stdout=out)
    bad = tmp_path / "sai.yaml"
    bad.write_text("forms: [", encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        call_command("awards", "load-forms", str(bad))

    assert "Hình thức: 12 mới" in out.getvalue()
    assert "sai cú pháp" in str(caught.value)
    assert "chưa ghi gì" in str(caught.value)
