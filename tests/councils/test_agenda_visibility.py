"""A member seated in a Council session reads the nominations on its agenda, and only
those, whatever else the member's roles reach (Luật TĐKT 2022 Điều 89)."""

from __future__ import annotations

from tests.factories.councils import Kh, People, make_session, nominations
from tests.factories.organisations import Province
from thidua.awards.selectors import nominations_visible_to
from thidua.councils.models import CouncilMember


def _seen(user: object) -> set[int]:
    return set(nominations_visible_to(user).values_list("pk", flat=True))


def test_a_member_seated_from_another_province_reads_the_agenda_only(
    kh: Kh, people: People, province: Province
) -> None:
    on_agenda, elsewhere = nominations(kh, province, 2)
    session = make_session(kh, people, members=3, items=[on_agenda])
    assert on_agenda.pk not in _seen(people.other_secretariat)

    CouncilMember.objects.create(session=session, user=people.other_secretariat, name="Khách")

    assert _seen(people.other_secretariat) == {on_agenda.pk}
    assert elsewhere.pk in _seen(people.unit_officer)  # the proposing unit's, not the guest's
