"""Drafting a story from a work (photos copied) or a nomination, and checked photos."""

from __future__ import annotations

import io

import pytest

from tests.factories.exemplars import add_photo, completed_work_with_photo, nomination_for, story_in
from tests.uploads import png_bytes
from thidua.core.errors import DomainError, NotPermitted
from thidua.exemplars import workflow
from thidua.exemplars.models import ExemplarEvent, ExemplarPhoto, ExemplarState, SubjectKind


def test_from_work_prefills_the_story_and_copies_its_photos(kh, people, province):
    work = completed_work_with_photo(kh, people, province, title="Đường bê tông ấp Trà Kha")

    story = workflow.exemplar_from_work(actor=people.secretariat, work=work)

    assert (story.title, story.subject_name, story.unit, story.source_work) == (
        "Đường bê tông ấp Trà Kha",
        "Xã Phong Phú",
        province.commune_a1,
        work,
    )
    assert story.subject_kind == SubjectKind.COLLECTIVE
    assert story.place == province.commune_a1
    assert "Tiến độ: 100%." in story.results
    assert "Hoàn thành ngày 20/02/2025 (kế hoạch 30/06/2025)." in story.results
    assert "Đã đổ bê tông 2,5 km." in story.results
    photo = story.photos.get()
    assert (photo.content_type, photo.size) == ("image/png", len(png_bytes()))
    with photo.file.open("rb") as handle:
        assert handle.read() == png_bytes()
    kinds = list(ExemplarEvent.objects.filter(exemplar=story).values_list("kind", flat=True))
    assert kinds == ["create", "from_work"]


def test_a_sibling_cannot_draft_from_a_work(kh, people, province):
    work = completed_work_with_photo(kh, people, province)

    with pytest.raises(NotPermitted):
        workflow.exemplar_from_work(actor=people.a2_officer, work=work)


def test_from_nomination_takes_the_nominee_and_summary(kh, people, province):
    nomination = nomination_for(kh, people, province)

    story = workflow.exemplar_from_nomination(actor=people.a1_officer, nomination=nomination)

    assert story.subject_kind == SubjectKind.INDIVIDUAL
    assert story.subject_name == "Thạch Thị Sô Phi"
    assert story.achievements.startswith("Vận động 120 hộ hiến đất")
    assert story.source_nomination == nomination
    assert story.unit == province.commune_a1


def test_photos_are_checked_by_content(kh, people, province):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, photo=False)
    pdf = b"%PDF-1.4\n%%EOF\n"

    with pytest.raises(DomainError) as not_photo:
        workflow.exemplar_add_photo(
            actor=people.a1_officer, exemplar=story, stream=io.BytesIO(pdf), name="a.png", size=5
        )
    with pytest.raises(DomainError) as bad:
        workflow.exemplar_add_photo(
            actor=people.a1_officer,
            exemplar=story,
            stream=io.BytesIO(b"MZ\x90\x00 not an image"),
            name="anh.jpg",
            size=20,
        )

    assert not_photo.value.code == "not_a_photo"
    assert bad.value.code == "bad_file_type"
    assert not ExemplarPhoto.objects.filter(exemplar=story).exists()


def test_at_most_eight_photos_and_removal(kh, people, province):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1, photo=False)
    photos = [add_photo(people.a1_officer, story) for _ in range(workflow.MAX_PHOTOS)]

    with pytest.raises(DomainError) as refused:
        add_photo(people.a1_officer, story)
    assert refused.value.code == "too_many_photos"

    workflow.exemplar_remove_photo(actor=people.a1_officer, photo=photos[0])
    assert story.photos.count() == workflow.MAX_PHOTOS - 1


def test_no_photo_changes_once_submitted(kh, people, province):
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1)

    with pytest.raises(DomainError):
        add_photo(people.a1_officer, story)
    with pytest.raises(DomainError):
        workflow.exemplar_remove_photo(actor=people.a1_officer, photo=story.photos.first())


def test_required_fields_and_a_foreign_content_area(kh, people, province):
    from tests.factories import CampaignFactory
    from tests.factories.exemplars import story_data
    from thidua.campaigns.models import ContentArea

    with pytest.raises(DomainError):
        workflow.exemplar_create(
            actor=people.a1_officer,
            campaign=kh.campaign,
            unit=province.commune_a1,
            data=story_data(title=" "),
        )
    other = ContentArea.objects.create(campaign=CampaignFactory(), code="X", title="Khác")
    with pytest.raises(DomainError) as refused:
        workflow.exemplar_create(
            actor=people.a1_officer,
            campaign=kh.campaign,
            unit=province.commune_a1,
            data=story_data(content_area=other),
        )
    assert refused.value.code == "bad_area"
