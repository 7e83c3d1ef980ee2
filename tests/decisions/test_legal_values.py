"""Legal values of a decision chosen by date from the data (issue 12 items 21–23, issue 13
item 5): the căn cứ lines (Luật 72/2025/QH15 from 16/6/2025), the rounding of rewards
(ND 91/2017 Điều 68.2 until 31/12/2023), the multipliers with their sources marked for
the Ban TĐKT, and the warning when the base salary may have changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from tests.factories.decisions import World, draft, fill
from thidua.awards.authority import reward_amount as rule_reward
from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import AwardForm, AwardRule
from thidua.decisions.amounts import (
    amount_explanation,
    reward_amount,
    rounding_step_on,
    stale_salary_warning,
)
from thidua.decisions.documents import default_legal_bases

D = dt.date
LOCAL_2025_FEB = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025"
LOCAL_2025_JUN = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_local_government_law_by_date(world: World) -> None:
    on_15 = default_legal_bases(on=D(2025, 6, 15), campaign=world.campaign)
    on_16 = default_legal_bases(on=D(2025, 6, 16), campaign=world.campaign)
    on_30 = default_legal_bases(on=D(2025, 6, 30), campaign=world.campaign)

    assert on_15[0] == LOCAL_2025_FEB
    assert on_16[0] == LOCAL_2025_JUN and on_30[0] == LOCAL_2025_JUN
    assert "98/2023/NĐ-CP" in on_30[2] and "152/2025/NĐ-CP" not in on_30[2]
    assert default_legal_bases(on=D(2025, 2, 28), campaign=world.campaign)[0].endswith(
        "ngày 19 tháng 6 năm 2015"
    )
    assert on_16[-1].startswith("Căn cứ Kế hoạch số 128/KH-UBND")


def test_a_draft_dated_in_late_june_2025_cites_luat_72(world: World) -> None:
    decision = fill(world, draft(world), date=D(2025, 6, 20))

    assert decision.legal_bases[0] == LOCAL_2025_JUN


def test_rounding_up_to_10000_until_2023_then_to_the_dong(world: World) -> None:
    assert rounding_step_on(D(2023, 12, 31)) == Decimal("10000")
    assert rounding_step_on(D(2024, 1, 1)) == Decimal("1")
    assert reward_amount(Decimal("0.3"), 2_340_000, rounding_step_on(D(2023, 12, 31))) == 710_000
    assert reward_amount(Decimal("0.3"), 2_340_000, rounding_step_on(D(2024, 1, 1))) == 702_000


def test_the_shipped_rules_reward_by_the_rounding_of_their_date(db: None) -> None:
    award_forms_load_shipped()
    rule = AwardRule.objects.get(form__code="giay-khen", valid_from=D(2025, 7, 1))

    assert rule_reward(rule, "individual", D(2025, 7, 1)) == 702_000
    assert rule_reward(rule, "household", D(2025, 7, 1)) == 1_053_000


def test_nd98_multipliers_are_marked_unverified_nd152_cite_their_article(db: None) -> None:
    award_forms_load_shipped()
    form = AwardForm.objects.get(code="bang-khen-tinh")
    kinds = ["individual", "collective", "household"]

    before = {line.label: line for line in amount_explanation(form, kinds, D(2025, 6, 30)).lines}
    after = {line.label: line for line in amount_explanation(form, kinds, D(2025, 7, 1)).lines}

    assert before["Cá nhân"].multiplier == Decimal("1.50")
    assert before["Cá nhân"].source.board_note == "chưa xác minh – Ban TĐKT xác nhận"
    assert before["Hộ gia đình"].source.citation == "Nghị định 98/2023/NĐ-CP"
    assert after["Cá nhân"].source.citation == "Nghị định 152/2025/NĐ-CP Điều 54 khoản 1"
    assert after["Tập thể"].source.board_note == ""
    rounding = amount_explanation(form, kinds, D(2025, 7, 1)).rounding_source
    assert rounding is not None and rounding.board_note == "chưa xác minh – Ban TĐKT xác nhận"


def test_the_amount_explanation_shows_the_unverified_source_to_the_board(world: World) -> None:
    rule = AwardRule.objects.get(form=world.bk)
    rule.sources = {
        "multiplier_individual": {"basis": "Nghị định 98/2023/NĐ-CP", "verified": False}
    }
    rule.save()
    decision = draft(world)
    url = reverse("decisions:amounts", args=[decision.pk])

    html = _client(world.secretariat).get(url, HTTP_HX_REQUEST="true").content.decode()
    leader = _client(world.leader).get(url)

    assert "Nghị định 98/2023/NĐ-CP" in html
    assert "chưa xác minh – Ban TĐKT xác nhận" in html
    assert "2.340.000 đồng, từ 01/07/2024 (Nghị định 73/2024/NĐ-CP)" in html
    assert leader.status_code == 404


def test_the_draft_warns_when_the_base_salary_may_have_changed(world: World) -> None:
    assert stale_salary_warning(D(2025, 7, 1)) == ""
    decision = fill(world, draft(world), date=D(2025, 7, 2))

    page = _client(world.secretariat).get(reverse("decisions:detail", args=[decision.pk]))

    text = page.content.decode()
    assert "Ngày ký 02/07/2025 đã hơn 12 tháng sau mức lương cơ sở mới nhất đã nhập" in text
    assert "lương cơ sở có thể đã thay đổi" in text
