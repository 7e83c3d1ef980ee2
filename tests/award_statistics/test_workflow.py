"""Recording the report as sent: the transition table, events, who may act."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.award_statistics import StatsPeople
from tests.factories.organisations import Province
from thidua.award_statistics.models import AnnualStatistics, AnnualStatisticsEvent, ReportState
from thidua.award_statistics.transitions import TRANSITIONS, Action
from thidua.award_statistics.workflow import statistics_mark_sent, statistics_reopen
from thidua.core.errors import DomainError, NotPermitted

pytestmark = pytest.mark.django_db

SENT = dt.date(2025, 12, 12)


def test_transition_table_is_send_then_reopen() -> None:
    assert TRANSITIONS == {
        (ReportState.DRAFT, Action.SEND): ReportState.SENT,
        (ReportState.SENT, Action.REOPEN): ReportState.DRAFT,
    }


def test_secretariat_marks_sent_with_an_event(province: Province, people: StatsPeople) -> None:
    report = statistics_mark_sent(
        actor=people.secretariat, province=province.root, year=2025, sent_on=SENT, reference="1/BC"
    )

    assert (report.state, report.sent_on, report.reference) == (ReportState.SENT, SENT, "1/BC")
    event = AnnualStatisticsEvent.objects.get(report=report)
    assert (event.kind, event.from_state, event.to_state) == ("send", "draft", "sent")
    assert event.payload == {"sent_on": "2025-12-12", "reference": "1/BC"}


def test_sending_twice_is_refused(province: Province, people: StatsPeople) -> None:
    statistics_mark_sent(actor=people.secretariat, province=province.root, year=2025, sent_on=SENT)

    with pytest.raises(DomainError, match="Đã gửi"):
        statistics_mark_sent(
            actor=people.secretariat, province=province.root, year=2025, sent_on=SENT
        )

    assert AnnualStatisticsEvent.objects.count() == 1


def test_reopen_clears_the_day_and_allows_sending_again(
    province: Province, people: StatsPeople
) -> None:
    report = statistics_mark_sent(
        actor=people.secretariat, province=province.root, year=2025, sent_on=SENT
    )

    reopened = statistics_reopen(actor=people.secretariat, report=report)

    assert (reopened.state, reopened.sent_on) == (ReportState.DRAFT, None)
    assert list(AnnualStatisticsEvent.objects.values_list("kind", flat=True)) == ["send", "reopen"]


@pytest.mark.parametrize("who", ["leader", "officer", "head", "other_secretariat"])
def test_only_the_province_secretariat_records(
    province: Province, people: StatsPeople, who: str
) -> None:
    with pytest.raises(NotPermitted):
        statistics_mark_sent(
            actor=getattr(people, who), province=province.root, year=2025, sent_on=SENT
        )

    assert not AnnualStatistics.objects.filter(state=ReportState.SENT).exists()
    assert not AnnualStatisticsEvent.objects.exists()


@pytest.mark.parametrize("day", [dt.date(2099, 1, 1), dt.date(2024, 12, 31)])
def test_a_sent_day_outside_the_year_and_today_is_refused(
    province: Province, people: StatsPeople, day: dt.date
) -> None:
    with pytest.raises(DomainError, match="Ngày gửi"):
        statistics_mark_sent(
            actor=people.secretariat, province=province.root, year=2025, sent_on=day
        )

    assert not AnnualStatistics.objects.exists()


def test_a_district_has_no_report(province: Province, people: StatsPeople) -> None:
    with pytest.raises(DomainError, match="cấp tỉnh"):
        statistics_mark_sent(
            actor=people.secretariat, province=province.district_a, year=2025, sent_on=SENT
        )


@pytest.mark.parametrize("state", list(ReportState))
@pytest.mark.parametrize("action", list(Action))
def test_every_state_and_action(
    province: Province, people: StatsPeople, state: ReportState, action: Action
) -> None:
    report = AnnualStatistics.objects.create(
        province=province.root, year=2025, state=state, sent_on=SENT if state == "sent" else None
    )
    allowed = (state, action) in TRANSITIONS

    def run(actor):  # type: ignore[no-untyped-def]
        if action == Action.SEND:
            return statistics_mark_sent(
                actor=actor, province=province.root, year=2025, sent_on=SENT
            )
        return statistics_reopen(actor=actor, report=report)

    if allowed:
        with pytest.raises(NotPermitted):
            run(people.leader)
        assert run(people.secretariat).state == TRANSITIONS[(state, action)]
    else:
        with pytest.raises(DomainError):
            run(people.secretariat)
        report.refresh_from_db()
        assert report.state == state and not AnnualStatisticsEvent.objects.exists()
