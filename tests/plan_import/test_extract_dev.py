"""Plans of other provinces (tests/plan_import/data/dev/, each with its source in a header).

The expectations were written from reading the texts, before the extractor ran on them:
what an officer would copy into a campaign file, and what the texts do not say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua.core.errors import DomainError
from thidua.plan_import.extract import Extraction, extract_plan
from thidua.plan_import.reading import read_plan

DEV = Path(__file__).resolve().parent / "data" / "dev"


def dev_lines(name: str) -> list[str]:
    """The plan's lines: the "#" header (source, notes) is not part of the text."""
    text = (DEV / name).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return read_plan(body.encode("utf-8"), name)


@pytest.fixture(scope="module")
def nghe_an() -> Extraction:
    return extract_plan(dev_lines("nghe-an-594-kh-ubnd-2021.txt"))


@pytest.fixture(scope="module")
def vinh_phuc() -> Extraction:
    return extract_plan(dev_lines("vinh-phuc-ky-niem-2020.txt"))


def test_nghe_an_document_is_read_from_its_header(nghe_an):
    document = nghe_an.data["document"]

    assert document["kind"] == "Kế hoạch"
    assert document["number"] == "594/KH-UBND"
    assert document["date"] == "2021-10-21"
    assert document["place"] == "Nghệ An"
    assert document["issuer"] == "Ủy ban nhân dân tỉnh Nghệ An"
    assert nghe_an.data["code"] == "kh-594-2021-nghe-an"


def test_nghe_an_title_is_the_capitals_under_ke_hoach(nghe_an):
    assert nghe_an.data["title"].startswith("THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16 THÁNG 7")
    assert nghe_an.data["title"].endswith("LẦN THỨ XIII CỦA ĐẢNG")


def test_nghe_an_carries_out_two_documents_named_in_one_sentence(nghe_an):
    bases = nghe_an.data["legal_bases"]

    assert [(b["relation"], b["kind"], b["number"], b["date"]) for b in bases] == [
        ("thuc_hien", "Chỉ thị", "19/CT-TTg", "2021-07-16"),
        ("thuc_hien", "Kế hoạch", "16/KH-HĐTĐKT", "2021-08-31"),
    ]
    assert bases[0]["issuer"] == "Thủ tướng Chính phủ"
    assert bases[0]["title"].startswith("về việc phát động thi đua thực hiện thắng lợi")
    assert bases[0]["title"].endswith("lần thứ XIII của Đảng")
    assert bases[1]["issuer"] == "Hội đồng Thi đua - Khen thưởng Trung ương"


def test_nghe_an_purposes_are_its_two_bullets(nghe_an):
    purposes = nghe_an.data["purposes"]

    assert len(purposes) == 2
    assert purposes[0].startswith("Tạo khí thế thi đua sôi nổi")
    assert "requirements" not in nghe_an.data


def test_nghe_an_opening_states_no_period_phase_signer_or_target(nghe_an):
    for path in ("period.start", "period.end", "phases", "document.signer.name"):
        assert path in nghe_an.missing
    assert nghe_an.data.get("targets", []) == []
    assert "phases" not in nghe_an.data


def test_vinh_phuc_title_follows_ke_hoach_on_the_same_line(vinh_phuc):
    assert vinh_phuc.data["document"]["kind"] == "Kế hoạch"
    assert vinh_phuc.data["title"].startswith("TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG")


def test_vinh_phuc_without_number_date_or_place_leaves_them_missing(vinh_phuc):
    for path in ("document.number", "document.date", "document.place", "code"):
        assert path in vinh_phuc.missing
    assert "number" not in vinh_phuc.data["document"]


def test_vinh_phuc_issuer_without_its_place_is_kept_as_written_with_low_confidence(vinh_phuc):
    assert vinh_phuc.data["document"]["issuer"] == "Uỷ ban nhân dân tỉnh"
    assert vinh_phuc.sources["document.issuer"].confidence == 0.5
    assert vinh_phuc.sources["document.issuer"].where == "prose"


def test_vinh_phuc_bases_are_its_two_can_cu(vinh_phuc):
    bases = vinh_phuc.data["legal_bases"]

    assert [(b["relation"], b["kind"], b["number"], b.get("date")) for b in bases] == [
        ("can_cu", "Thông báo", "1929-TB/TU", "2019-10-31"),
        ("can_cu", "Kế hoạch", "103/KH-UBND", "2019-06-18"),
    ]
    assert bases[0]["issuer"] == "Ban Thường vụ Tỉnh ủy"
    assert bases[1]["issuer"] == "Ủy ban nhân dân tỉnh"


def test_vinh_phuc_purposes_under_an_en_dash(vinh_phuc):
    purposes = vinh_phuc.data["purposes"]

    assert len(purposes) == 3
    assert purposes[2].startswith("Tuyên truyền, quảng bá những thành tựu")


def test_anniversary_spans_are_not_targets(vinh_phuc):
    # "90 năm", "70 năm" name anniversaries, "3/2/1930" a date: none is a goal.
    assert vinh_phuc.data.get("targets", []) == []


def test_a_decision_about_emulation_is_not_a_plan():
    with pytest.raises(DomainError, match="không phải là một kế hoạch"):
        dev_lines("phu-yen-qd-31-2020-khong-phai-ke-hoach.txt")
