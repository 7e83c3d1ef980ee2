"""Pages of plan import: upload, review beside the source, HTMX decisions, confirm."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.plan_import import DraftFactory, shipped_data
from tests.pages import csp_problems, page_text, signed_in
from thidua.campaigns.models import Campaign
from thidua.plan_import.models import ImportDraft

pytestmark = pytest.mark.django_db

INDEX = reverse("plan_import:index")
UPLOAD = reverse("plan_import:upload")


def test_index_shows_the_upload_form_and_the_sample_button(importer):
    response = signed_in(importer).get(INDEX)

    text = page_text(response)
    assert "Tải kế hoạch lên" in text
    assert "Thử với Kế hoạch 128/KH-UBND (Trà Vinh)" in text
    assert 'type="file"' in response.content.decode()
    assert csp_problems(response) == []


def test_uploading_the_seed_opens_its_review_page(importer, seed_bytes):
    client = signed_in(importer)

    response = client.post(UPLOAD, {"file": SimpleUploadedFile("kh128.txt", seed_bytes)})

    draft = ImportDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_import:review", args=[draft.pk])
    review = client.get(response["Location"])
    text = page_text(review)
    assert "Văn bản gốc" in text
    assert "Số: 128/KH-UBND" in text
    assert 'id="L1"' in review.content.decode()
    assert "Mã phong trào" in text
    assert csp_problems(review) == []


def test_the_sample_button_reads_the_shipped_plan(importer):
    response = signed_in(importer).post(UPLOAD, {"sample": "kh-128"})

    draft = ImportDraft.objects.get()
    assert response["Location"].endswith(f"/{draft.pk}/")
    assert draft.file_name == "kh-128-ubnd-tra-vinh-2024.txt"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "rỗng"), (b"\x00\x01binary junk", "")],
)
def test_a_broken_upload_shows_a_vietnamese_message_and_writes_nothing(importer, content, message):
    response = signed_in(importer).post(UPLOAD, {"file": SimpleUploadedFile("x.txt", content)})

    assert response.status_code == 400
    assert "data-upload-error" in response.content.decode()
    assert message in page_text(response)
    assert ImportDraft.objects.count() == 0


def test_a_50_mb_upload_is_refused_by_its_length_before_reading(importer):
    client = signed_in(importer)

    response = client.post(
        UPLOAD,
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert "Tệp quá lớn" in page_text(response)
    assert ImportDraft.objects.count() == 0


def test_an_oversized_file_without_a_true_length_is_stopped_by_the_upload_gate(importer, settings):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))

    response = signed_in(importer).post(UPLOAD, {"file": big})

    assert response.status_code == 413
    assert "Tệp quá lớn" in page_text(response)
    assert ImportDraft.objects.count() == 0


def test_unit_staff_may_not_open_import_nor_see_a_draft(importer, unit_officer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)
    client = signed_in(unit_officer)

    assert client.get(INDEX).status_code == 403
    assert client.post(UPLOAD, {"sample": "kh-128"}).status_code == 403
    assert client.get(reverse("plan_import:review", args=[draft.pk])).status_code == 404
    field = client.post(
        reverse("plan_import:field", args=[draft.pk]),
        {"path": "document.number", "action": "accept"},
    )
    assert field.status_code == 404
    assert ImportDraft.objects.count() == 1


def test_a_colleague_sees_the_draft_another_province_does_not(importer, other_province_secretariat):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)
    colleague = UserFactory()
    colleague.memberships.create(unit=draft.unit, role="secretariat", scope="unit")

    mine = signed_in(colleague).get(reverse("plan_import:review", args=[draft.pk]))
    other = signed_in(other_province_secretariat).get(
        reverse("plan_import:review", args=[draft.pk])
    )
    other_list = signed_in(other_province_secretariat).get(INDEX)

    assert mine.status_code == 200
    assert other.status_code == 404
    assert draft.file_name not in page_text(other_list)


def test_htmx_accept_swaps_the_field_and_the_progress(importer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)

    response = signed_in(importer).post(
        reverse("plan_import:field", args=[draft.pk]),
        {"path": "document.number", "action": "accept"},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert 'id="f-document-number"' in html
    assert "Đã chấp nhận" in html
    assert 'id="pi-progress" class="pi-progress card" hx-swap-oob="true"' in html
    draft.refresh_from_db()
    assert draft.review["document.number"] == {"state": "accepted"}


def test_htmx_bad_value_comes_back_beside_the_field(importer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)

    response = signed_in(importer).post(
        reverse("plan_import:field", args=[draft.pk]),
        {"path": "document.date", "action": "set", "value": "hôm qua"},
        HTTP_HX_REQUEST="true",
    )

    assert "không phải là ngày" in page_text(response)
    assert "data-field-error" in response.content.decode()


def test_missing_fields_are_marked_and_suggestions_shown_as_suggestions(importer):
    draft = DraftFactory(
        created_by=importer,
        unit=importer.memberships.get().unit.parent,
        missing=["document.parent_issuer"],
    )

    text = page_text(signed_in(importer).get(reverse("plan_import:review", args=[draft.pk])))

    assert "Văn bản không nêu" in text
    assert "Gợi ý (chưa dùng cho đến khi bạn chấp nhận): kh-5-2024-tra-vinh" in text


def test_an_unrecognised_field_tells_the_reviewer_to_look_in_the_text(importer):
    draft = DraftFactory(
        created_by=importer,
        unit=importer.memberships.get().unit.parent,
        missing=["document.parent_issuer"],
        unrecognised=["document.signer.authority"],
    )

    response = signed_in(importer).get(reverse("plan_import:review", args=[draft.pk]))

    text = page_text(response)
    assert "Chưa nhận ra: văn bản có thể có giá trị này nhưng máy chưa đọc được." in text
    assert "Máy chưa nhận ra 1 trường: hãy tìm trong văn bản." in text
    assert "Văn bản không nêu" in text


def test_confirm_with_errors_shows_them_on_the_review_page(importer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)
    client = signed_in(importer)
    for section in ("document", "title", "period", "phases"):
        client.post(reverse("plan_import:section", args=[draft.pk, section]))
    client.post(reverse("plan_import:field", args=[draft.pk]), {"path": "code", "action": "accept"})
    client.post(
        reverse("plan_import:field", args=[draft.pk]),
        {"path": "document.issuer_unit", "action": "set", "value": "KHONG-CO"},
    )

    response = client.post(reverse("plan_import:confirm", args=[draft.pk]))

    assert response.status_code == 400
    assert "data-confirm-error" in response.content.decode()
    assert "KHONG-CO" in page_text(response)
    assert Campaign.objects.count() == 0


def test_confirm_redirects_to_the_new_campaign(importer):
    data = shipped_data()
    data.pop("code")
    draft = DraftFactory(
        created_by=importer, unit=importer.memberships.get().unit.parent, data=data
    )
    client = signed_in(importer)
    for section in (
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
    ):
        client.post(reverse("plan_import:section", args=[draft.pk, section]))
    for path in ("code", "document.issuer_unit"):
        client.post(
            reverse("plan_import:field", args=[draft.pk]), {"path": path, "action": "accept"}
        )

    response = client.post(reverse("plan_import:confirm", args=[draft.pk]))

    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("campaigns:detail", args=[campaign.pk])
    assert campaign.code == "kh-5-2024-tra-vinh"
    assert campaign.doc_number == "128/KH-UBND"


@pytest.mark.parametrize("count", [1, 3])
def test_drafts_list_query_count_does_not_grow(importer, django_assert_num_queries, count):
    for _ in range(count):
        DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)
    client = signed_in(importer)
    client.get(INDEX)  # warm the session

    with django_assert_num_queries(5):
        response = client.get(INDEX)

    assert page_text(response).count("ke-hoach.txt") == count


def test_discarding_a_draft_asks_first_saying_what_is_lost(importer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)

    response = signed_in(importer).get(reverse("plan_import:review", args=[draft.pk]))

    page = response.content.decode()
    discard = reverse("plan_import:discard", args=[draft.pk])
    form = page[page.index(f'action="{discard}"') :].split(">", 1)[0]
    assert 'data-confirm="Hủy bản nháp? Các trường đã duyệt và đã sửa không dùng được nữa' in form


def test_the_review_page_shows_no_template_comment_as_text(importer):
    draft = DraftFactory(created_by=importer, unit=importer.memberships.get().unit.parent)

    response = signed_in(importer).get(reverse("plan_import:review", args=[draft.pk]))

    assert "The label wraps its control" not in response.content.decode()
