"""A plan's text pasted on the upload page instead of a file: read like an uploaded .txt,
refused with a Vietnamese message (and nothing written) when there is no plan to read."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.pages import csp_problems, page_text, signed_in
from thidua.plan_import.models import ImportDraft, ImportDraftEvent

pytestmark = pytest.mark.django_db

INDEX = reverse("plan_import:index")
UPLOAD = reverse("plan_import:upload")


def _nothing_written() -> bool:
    return ImportDraft.objects.count() == 0 and ImportDraftEvent.objects.count() == 0


def test_the_upload_page_offers_a_text_box_beside_the_file(importer):
    response = signed_in(importer).get(INDEX)

    html = response.content.decode()
    assert '<textarea name="text" id="id_text"' in html
    assert '<label for="id_text">Dán văn bản kế hoạch</label>' in html
    assert 'type="file" name="file" id="id_file" accept=' in html  # no longer required
    assert csp_problems(response) == []


def test_pasted_text_makes_a_draft_with_the_values_read_from_it(importer, seed_bytes):
    client = signed_in(importer)

    response = client.post(UPLOAD, {"text": seed_bytes.decode("utf-8")})

    draft = ImportDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_import:review", args=[draft.pk])
    assert draft.data["document"]["number"] == "128/KH-UBND"
    assert draft.data["document"]["signer"]["name"] == "Lê Văn Hân"  # as the text writes it
    assert draft.data["document"]["date"] == "2024-11-11"
    assert draft.file_name.startswith("van-ban-dan-") and draft.file_name.endswith(".txt")
    assert draft.created_by == importer
    event = draft.events.get()
    assert (event.kind, event.to_state, event.payload["file"]) == (
        "created",
        "draft",
        draft.file_name,
    )


def test_pasted_text_is_read_exactly_as_the_same_text_uploaded_as_a_file(importer, seed_bytes):
    client = signed_in(importer)
    # A browser sends a text box's lines ended by CR LF.
    pasted = seed_bytes.decode("utf-8").replace("\r\n", "\n").replace("\n", "\r\n")

    client.post(UPLOAD, {"file": SimpleUploadedFile("kh128.txt", seed_bytes)})
    client.post(UPLOAD, {"text": pasted})

    from_paste, from_file = ImportDraft.objects.order_by("-pk")
    assert from_paste.lines == from_file.lines
    assert from_paste.data == from_file.data
    assert from_paste.sources == from_file.sources
    assert from_paste.missing == from_file.missing
    assert from_paste.suggestions == from_file.suggestions
    assert from_paste.unit == from_file.unit
    assert [e.kind for e in from_paste.events.all()] == [e.kind for e in from_file.events.all()]


def test_the_review_page_shows_the_pasted_text_numbered_by_line(importer, seed_bytes):
    client = signed_in(importer)
    client.post(UPLOAD, {"text": seed_bytes.decode("utf-8")})
    draft = ImportDraft.objects.get()

    review = client.get(reverse("plan_import:review", args=[draft.pk]))

    html = review.content.decode()
    assert "Văn bản gốc" in page_text(review)
    first = draft.lines[0]
    numbered = '<span class="pi-line__no" aria-hidden="true">1</span>'
    assert f'{numbered}<span class="pi-line__text">{first}</span>' in html
    assert f'id="L{len(draft.lines)}"' in html
    assert f'id="L{len(draft.lines) + 1}"' not in html
    assert csp_problems(review) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Hãy chọn tệp kế hoạch (DOCX, PDF hoặc TXT) hoặc dán văn bản kế hoạch"),
        ({"text": ""}, "Hãy chọn tệp kế hoạch (DOCX, PDF hoặc TXT) hoặc dán văn bản kế hoạch"),
        ({"text": "  \r\n\t \r\n "}, "chỉ có khoảng trắng, không có chữ nào"),
        ({"text": "Xin chào, hẹn gặp lại."}, "không phải là một kế hoạch thi đua"),
    ],
    ids=["nothing", "empty", "spaces-only", "not-a-plan"],
)
def test_no_plan_in_the_form_is_refused_in_vietnamese_and_writes_nothing(importer, data, message):
    response = signed_in(importer).post(UPLOAD, data)

    assert response.status_code == 400
    assert "data-upload-error" in response.content.decode()
    assert message in page_text(response)
    assert _nothing_written()


def test_a_file_and_a_pasted_text_together_are_refused(importer, seed_bytes):
    text = seed_bytes.decode("utf-8")

    response = signed_in(importer).post(
        UPLOAD, {"file": SimpleUploadedFile("kh128.txt", seed_bytes), "text": text}
    )

    assert response.status_code == 400
    assert "Chỉ chọn một trong hai: tải tệp kế hoạch lên hoặc dán văn bản kế hoạch" in page_text(
        response
    )
    assert "128/KH-UBND" in response.content.decode().split('id="id_text"', 1)[1]  # kept
    assert _nothing_written()


def test_spaces_left_in_the_text_box_beside_a_file_do_not_count_as_a_second_plan(
    importer, seed_bytes
):
    response = signed_in(importer).post(
        UPLOAD, {"file": SimpleUploadedFile("kh128.txt", seed_bytes), "text": " \r\n"}
    )

    draft = ImportDraft.objects.get()
    assert response["Location"] == reverse("plan_import:review", args=[draft.pk])
    assert draft.file_name == "kh128.txt"


def test_pasted_text_over_the_plan_size_limit_is_refused(importer, settings, seed_bytes):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1024 * 1024
    text = seed_bytes.decode("utf-8") + "\n"
    text += "x" * (1_110_000 - len(text.encode("utf-8")))  # 1,1 MB: within the request's margin

    response = signed_in(importer).post(UPLOAD, {"text": text})

    assert response.status_code == 413
    assert "Văn bản dán vào quá lớn (1,1 MB): chỉ nhận kế hoạch đến 1 MB." in page_text(response)
    assert 'id="id_text" rows="8" aria-describedby="id_text_helptext"></textarea>' in (
        response.content.decode()
    )  # not sent back
    assert _nothing_written()


def test_a_paste_far_over_the_limit_is_refused_by_the_request_length(importer, settings):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1024 * 1024

    response = signed_in(importer).post(UPLOAD, {"text": "x" * 2_000_000})

    assert response.status_code == 413
    assert "quá lớn: chỉ nhận kế hoạch đến 1 MB" in page_text(response)
    assert _nothing_written()


def test_pasted_text_larger_than_a_form_field_may_be_is_refused_without_a_500(
    importer, settings, seed_bytes
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024 // 4  # Django's default, 2,5 MB
    text = "Thi đua yêu nước. " * 200_000  # ≈ 4 MB: under the plan limit, over the field limit

    response = signed_in(importer).post(UPLOAD, {"text": text})

    assert response.status_code == 413
    assert "Văn bản dán vào quá lớn để gửi qua ô dán (hơn 2,5 MB)" in page_text(response)
    assert _nothing_written()


def test_someone_who_may_not_import_cannot_paste_a_plan(unit_officer, seed_bytes):
    response = signed_in(unit_officer).post(UPLOAD, {"text": seed_bytes.decode("utf-8")})

    assert response.status_code == 403
    assert "Chỉ Ban Thi đua - Khen thưởng được nhập kế hoạch." in response.content.decode()
    assert _nothing_written()


def test_a_visitor_not_signed_in_cannot_paste_a_plan(client, seed_bytes):
    response = client.post(UPLOAD, {"text": seed_bytes.decode("utf-8")})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert ImportDraft.objects.count() == 0
