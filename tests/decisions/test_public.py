"""The public verification page: what it confirms, what it never shows, unknown codes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.decisions import World, draft, fill, issued
from thidua.awards.models import DossierFile
from thidua.decisions.models import Certificate, Decision
from thidua.decisions.models.certificates import CODE_ALPHABET, new_certificate_code
from thidua.decisions.selectors import certificate_by_code, decisions_public
from thidua.decisions.services import decision_issue, decision_supersede


@pytest.fixture
def certificate(world: World) -> Certificate:
    issued(world)
    return Certificate.objects.select_related("entry").get(entry__name="Trần Thị Hoa")


def test_verification_page_confirms_the_public_facts(certificate: Certificate) -> None:
    page = Client().get(reverse("verification:detail", args=[certificate.code]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Hợp lệ" in text
    assert "Trần Thị Hoa" in text and "Xã Phong Phú" in text
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in text
    assert "Số 1234/QĐ-UBND ngày 05/06/2025" in text
    assert "Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh" in text
    assert page["X-Robots-Tag"] == "noindex"
    assert 'name="viewport"' in text


def test_verification_page_shows_nothing_private(world: World, certificate: Certificate) -> None:
    DossierFile.objects.create(
        nomination=world.hoa,
        kind="report",
        file="ho-so-khen-thuong/bao-cao-mat-hoa.pdf",
        original_name="bao-cao-mat-hoa.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=world.secretariat,
    )

    text = Client().get(reverse("verification:detail", args=[certificate.code])).content.decode()

    for private in (
        "1987",  # birth year
        "Nữ",  # gender
        "Công chức Văn hóa - Xã hội",  # position
        "bí mật hồ sơ",  # achievement summary
        "bao-cao-mat-hoa.pdf",  # dossier file
        "3.510.000",  # amount
        "3510000",
        "Lê Văn Hẳn",  # the signer is on the paper, not needed to verify
    ):
        assert private not in text, private


def test_verification_unknown_code_is_a_vietnamese_404(world: World) -> None:
    page = Client().get(reverse("verification:detail", args=["khong-co-ma-nay"]))

    assert page.status_code == 404
    text = page.content.decode()
    assert "Không tìm thấy bằng khen, giấy khen với mã này" in text
    assert "khong-co-ma-nay" in text


def test_verification_of_a_draft_decisions_certificate_not_found(world: World) -> None:
    assert certificate_by_code("x" * 40) is None
    assert certificate_by_code("") is None


def test_verification_search_redirects_to_the_code(certificate: Certificate) -> None:
    answer = Client().get(reverse("verification:search"), {"ma": f" {certificate.code} "})
    blank = Client().get(reverse("verification:search"))

    assert answer["Location"] == reverse("verification:detail", args=[certificate.code])
    assert "Mã xác minh in trên bằng khen" in blank.content.decode()


def test_verification_after_a_correction_says_superseded(
    world: World, certificate: Certificate
) -> None:
    old = certificate.entry.decision
    new = decision_supersede(actor=world.secretariat, decision=old, reason="Sai tên")
    fill(world, new, number="1300/QĐ-UBND", date=dt.date(2025, 6, 20))
    decision_issue(actor=world.secretariat, decision=new)

    text = Client().get(reverse("verification:detail", args=[certificate.code])).content.decode()

    assert "Quyết định đã được thay thế" in text
    assert "1300/QĐ-UBND ngày 20/06/2025" in text


def test_decisions_public_lists_only_published_with_counts(world: World) -> None:
    issued(world)
    from tests.factories.decisions import NominationFactory, nominee

    extra = NominationFactory(
        campaign=world.campaign,
        phase=world.phase,
        form=world.bk,
        nominee=nominee(world.province.commune_a1, "Dự Thảo"),
    )
    draft(world, nominations=[extra])

    rows = list(decisions_public())

    assert [(d.number, d.entry_count) for d in rows] == [("1234/QĐ-UBND", 4)]
    assert Decision.objects.count() == 2


def test_new_codes_are_grouped_capitals_of_100_bits() -> None:
    codes = {new_certificate_code() for _ in range(200)}

    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4, 4]
        assert set("".join(groups)) <= set(CODE_ALPHABET)
    assert len(CODE_ALPHABET) ** 20 >= 2**100


def test_verification_accepts_any_case_spaces_and_missing_dashes(certificate: Certificate) -> None:
    certificate.code = "K7QX-2MDA-PZ3R-WQ5N-HT4E"
    certificate.save(update_fields=["code"])
    typed = ["k7qx-2mda-pz3r-wq5n-ht4e", " K7QX 2MDA PZ3R WQ5N HT4E ", "k7qx2mdapz3rwq5nht4e"]

    found = [certificate_by_code(code) for code in typed]
    page = Client().get(reverse("verification:detail", args=["k7qx-2mda-pz3r-wq5n-ht4e"]))
    search = Client().get(reverse("verification:search"), {"ma": "k7qx 2mda pz3r wq5n ht4e"})

    assert found == [certificate, certificate, certificate]
    assert page.status_code == 200
    assert "K7QX-2MDA-PZ3R-WQ5N-HT4E" in page.content.decode()
    assert search["Location"] == reverse("verification:detail", args=[certificate.code])
    assert certificate_by_code("k7qx-2mda-pz3r-wq5n-ht4x") is None
