"""Services of plan import: a draft from a file, decisions on its fields, confirmation."""

from __future__ import annotations

import io

import pytest

from tests.factories import CampaignFactory
from tests.factories.plan_import import DraftFactory, shipped_data
from thidua.campaigns.files.export import campaign_to_yaml
from thidua.campaigns.files.validate import validate_text
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import SHIPPED
from thidua.core.errors import DomainError, NotPermitted
from thidua.plan_import import services
from thidua.plan_import.models import DraftStatus, ImportDraft, ImportDraftEvent
from thidua.plan_import.transitions import TRANSITIONS, Action

pytestmark = pytest.mark.django_db


def _scanned_pdf() -> bytes:
    """A PDF page with a picture-like drawing and no text layer (a scan)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(50, 50, 400, 600, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _menu_docx() -> bytes:
    """A DOCX that is not a plan: a canteen menu."""
    import docx

    document = docx.Document()
    for line in ["Thực đơn tuần", "Thứ Hai: cơm gà", "Thứ Ba: phở bò", "Thứ Tư: bún riêu"]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_draft_create_from_the_seed_keeps_lines_extraction_and_an_event(importer, seed_bytes):
    draft = services.draft_create(actor=importer, content=seed_bytes, file_name="kh128.txt")

    assert draft.status == DraftStatus.DRAFT
    assert draft.file_size == len(seed_bytes)
    assert len(draft.sha256) == 64
    assert any("128/KH-UBND" in line for line in draft.lines)
    assert draft.unit.code == "TV"
    assert draft.suggestions["document.issuer_unit"] == "TV"
    assert list(draft.events.values_list("kind", "to_state")) == [("created", "draft")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rong.txt", b"", "rỗng"),
        ("rong.docx", b"   \n  ", "rỗng"),
        ("scan.pdf", None, "scan"),
        ("thuc-don.docx", None, "menu"),
        ("lon.pdf", None, "big"),
    ],
)
def test_broken_files_are_refused_in_vietnamese_and_leave_no_draft(
    importer, settings, name, content, message
):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1024 * 1024
    if message == "scan":
        content = _scanned_pdf()
    elif message == "menu":
        content = _menu_docx()
    elif message == "big":
        content = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)

    with pytest.raises(DomainError) as refused:
        services.draft_create(actor=importer, content=content, file_name=name)

    assert refused.value.message
    assert any(ch in refused.value.message for ch in "ăâđêôơư")  # Vietnamese, with tone marks
    assert ImportDraft.objects.count() == 0
    assert ImportDraftEvent.objects.count() == 0


def test_a_unit_officer_may_not_import(unit_officer, seed_bytes):
    with pytest.raises(NotPermitted):
        services.draft_create(actor=unit_officer, content=seed_bytes, file_name="kh.txt")

    assert ImportDraft.objects.count() == 0


@pytest.mark.parametrize("status", list(DraftStatus))
@pytest.mark.parametrize("action", list(Action))
def test_transition_table_is_exhaustive(importer, status, action):
    campaign = CampaignFactory() if status == DraftStatus.CONFIRMED else None
    draft = DraftFactory(created_by=importer, status=status, campaign=campaign)
    allowed = (status, action) in TRANSITIONS
    calls = {
        Action.REVIEW: lambda: services.draft_field_accept(
            actor=importer, draft=draft, path="document.number"
        ),
        Action.CONFIRM: lambda: services.draft_confirm(actor=importer, draft=draft),
        Action.DISCARD: lambda: services.draft_discard(actor=importer, draft=draft),
    }

    if allowed and action != Action.CONFIRM:
        result = calls[action]()
        assert result.status == TRANSITIONS[(status, action)]
    elif allowed:
        with pytest.raises(DomainError) as refused:  # not reviewed yet: refused by the check
            calls[action]()
        assert refused.value.code == "review_incomplete"
    else:
        with pytest.raises(DomainError) as refused:
            calls[action]()
        assert refused.value.code == "invalid_transition"


def test_correcting_a_field_records_old_and_new(importer):
    draft = DraftFactory(created_by=importer)

    draft = services.draft_field_set(
        actor=importer, draft=draft, path="document.number", raw="6/KH-UBND"
    )

    assert draft.review["document.number"] == {"state": "corrected", "value": "6/KH-UBND"}
    event = draft.events.get()
    assert event.kind == "field_corrected"
    assert event.payload == {"path": "document.number", "old": "5/KH-UBND", "new": "6/KH-UBND"}


def test_filling_a_missing_field_and_accepting_a_suggestion(importer):
    draft = DraftFactory(created_by=importer, missing=["document.parent_issuer"])

    services.draft_field_set(
        actor=importer, draft=draft, path="document.parent_issuer", raw="Tỉnh ủy"
    )
    draft = services.draft_field_accept(actor=importer, draft=draft, path="code")

    assert draft.review["document.parent_issuer"] == {"state": "filled", "value": "Tỉnh ủy"}
    assert draft.review["code"] == {"state": "accepted"}
    assert list(draft.events.values_list("kind", flat=True)) == ["field_filled", "field_accepted"]


def test_unknown_field_and_bad_value_are_refused(importer):
    draft = DraftFactory(created_by=importer)

    with pytest.raises(DomainError):
        services.draft_field_accept(actor=importer, draft=draft, path="nothing.here")
    with pytest.raises(DomainError):
        services.draft_field_set(actor=importer, draft=draft, path="document.date", raw="hôm qua")

    draft.refresh_from_db()
    assert draft.review == {}
    assert draft.events.count() == 0


def _accept_everything(draft, actor):
    for section in [
        "code",
        "document",
        "title",
        "period",
        "phases",
        "legal_bases",
        "content_areas",
        "targets",
        "registration",
        "reporting",
        "awards",
        "duties",
        "purposes",
        "requirements",
        "preamble",
    ]:
        draft = services.draft_section_accept(actor=actor, draft=draft, section=section)
    for path in ("code", "document.issuer_unit"):
        draft = services.draft_field_accept(actor=actor, draft=draft, path=path)
    return draft


def test_confirming_the_reviewed_kh128_gives_the_shipped_campaign(importer):
    data = shipped_data()
    data.pop("code")
    data["document"].pop("issuer_unit")
    draft = DraftFactory(
        created_by=importer,
        data=data,
        suggestions={"code": "kh-128-2024-tra-vinh", "document.issuer_unit": "TV"},
    )
    draft = _accept_everything(draft, importer)

    draft = services.draft_confirm(actor=importer, draft=draft)

    assert draft.status == DraftStatus.CONFIRMED
    shipped = validate_text(SHIPPED["kh-128"].read_text(encoding="utf-8"))
    loaded = validate_text(campaign_to_yaml(draft.campaign))
    assert loaded.model_dump(mode="json") == shipped.model_dump(mode="json")
    assert draft.events.last().kind == "confirmed"


def test_confirm_is_refused_until_required_fields_are_reviewed(importer):
    draft = DraftFactory(created_by=importer)

    with pytest.raises(DomainError) as refused:
        services.draft_confirm(actor=importer, draft=draft)

    assert "trường bắt buộc" in refused.value.message
    assert Campaign.objects.count() == 0


def test_confirm_shows_every_validation_error_and_writes_nothing(importer):
    draft = DraftFactory(created_by=importer)
    draft = _accept_everything(draft, importer)
    draft = services.draft_field_set(
        actor=importer, draft=draft, path="document.issuer_unit", raw="KHONG-CO"
    )

    with pytest.raises(services.ConfirmRefused) as refused:
        services.draft_confirm(actor=importer, draft=draft)

    assert [e.field for e in refused.value.errors] == ["document.issuer_unit"]
    assert "KHONG-CO" in refused.value.errors[0].message
    assert Campaign.objects.count() == 0
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT


def test_confirm_never_replaces_an_existing_campaign(importer):
    first = _accept_everything(DraftFactory(created_by=importer), importer)
    services.draft_confirm(actor=importer, draft=first)
    second = _accept_everything(DraftFactory(created_by=importer), importer)

    with pytest.raises(DomainError) as refused:
        services.draft_confirm(actor=importer, draft=second)

    assert refused.value.code == "code_taken"
    assert Campaign.objects.count() == 1


def test_removing_an_item_leaves_it_out_of_the_campaign(importer):
    data = DraftFactory.build().data
    data["legal_bases"] = [
        {"kind": "Chỉ thị", "number": "39/CT-TTg", "issuer": "Thủ tướng Chính phủ"},
        {"kind": "Sai", "number": "x", "issuer": "y"},
    ]
    draft = DraftFactory(created_by=importer, data=data)
    draft = services.draft_item_remove(actor=importer, draft=draft, item="legal_bases.1")
    draft = _accept_everything(draft, importer)

    draft = services.draft_confirm(actor=importer, draft=draft)

    assert list(draft.campaign.legal_bases.values_list("number", flat=True)) == ["39/CT-TTg"]


def test_another_province_secretariat_may_not_review(importer, other_province_secretariat):
    draft = DraftFactory(created_by=importer)

    with pytest.raises(NotPermitted):
        services.draft_field_accept(
            actor=other_province_secretariat, draft=draft, path="document.number"
        )
