"""A reduced national dataset on PostgreSQL for the issue #16 benchmarks.

Builds, with ``bulk_create`` in batches, a few provinces (each: a UBND root, a Sở Nội vụ,
districts and communes), their nominees, one nomination each in one campaign phase
(states spread over the workflow), two award records each (archive records of
nominees without a unit included, each kept by its province), and issued decisions with
their attached lists. Enough rows to see PostgreSQL choose between sequential and index
scans; not the 10 M rows of the issue.

Usage (a scratch database; it is dropped and re-created by ``--fresh``):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_h6 \
        .venv/bin/python bench/national/generate.py --provinces 3 --nominees 60000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

from bench.national.setup import django_setup

FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Kim"]
LAST = ["An", "Bình", "Cường", "Dũng", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc",
        "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Xuân", "Yến"]  # fmt: skip
BATCH = 5000


def build(provinces: int, nominees_per_province: int, districts: int, communes: int) -> None:
    from thidua.accounts.models import Membership, Role, User
    from thidua.awards.models import (
        AwardBasis,
        AwardForm,
        AwardRecord,
        Nomination,
        NominationState,
        Nominee,
    )
    from thidua.awards.services import award_forms_load_shipped
    from thidua.campaigns.models import Campaign, Phase
    from thidua.core.text import fold
    from thidua.decisions.models import Decision, DecisionEntry, DecisionState
    from thidua.organisations.models import Unit, UnitKind

    rng = random.Random(16)
    started = time.perf_counter()
    award_forms_load_shipped()
    bk, gk = AwardForm.objects.order_by("pk")[:2]
    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_superuser": True})
    states = [NominationState.SUBMITTED] * 3 + [
        NominationState.UNDER_REVIEW,
        NominationState.TO_COUNCIL,
        NominationState.APPROVED,
        NominationState.DECIDED,
        NominationState.DECIDED,
        NominationState.DRAFT,
        NominationState.RETURNED,
    ]
    for p in range(provinces):
        root = Unit.objects.create(code=f"N{p}", name=f"UBND tỉnh Thử {p}", kind=UnitKind.PROVINCE)
        home = Unit.objects.create(
            code=f"N{p}-SNV", name=f"Sở Nội vụ tỉnh {p}", kind=UnitKind.DEPARTMENT, parent=root
        )
        leaves: list[Unit] = []
        for d in range(districts):
            district = Unit.objects.create(
                code=f"N{p}-H{d}", name=f"Huyện {d}", kind=UnitKind.DISTRICT, parent=root
            )
            for c in range(communes):
                leaves.append(
                    Unit.objects.create(
                        code=f"N{p}-H{d}-X{c}", name=f"Xã {d}.{c}", kind=UnitKind.COMMUNE,
                        parent=district,
                    )
                )  # fmt: skip
        secretariat, _ = User.objects.get_or_create(username=f"bench-sec-{p}")
        Membership.objects.get_or_create(user=secretariat, unit=home, role=Role.SECRETARIAT)
        officer, _ = User.objects.get_or_create(username=f"bench-officer-{p}")
        Membership.objects.get_or_create(user=officer, unit=leaves[0], role=Role.UNIT_OFFICER)
        campaign = Campaign.objects.create(
            code=f"bench-{p}", title=f"Phong trào thử {p}", issuer_unit=root,
            doc_number=f"{p}/KH-UBND", doc_date=dt.date(2024, 11, 11), doc_place="Thử",
            issuer_name="Ủy ban nhân dân tỉnh", signer_name="Lê Văn A",
            signer_position="Chủ tịch", start=dt.date(2024, 11, 1), start_precision="month",
            end=dt.date(2025, 9, 30), end_precision="day",
        )  # fmt: skip
        phase = Phase.objects.create(
            campaign=campaign, code="dot-1", name="Đợt 1", start=dt.date(2024, 11, 1),
            start_precision="month", end=dt.date(2025, 4, 30),
        )  # fmt: skip
        people = []
        for n in range(nominees_per_province):
            name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)} {n}"
            unit = None if n % 50 == 0 else rng.choice(leaves)  # 2 %: left every unit
            people.append(
                Nominee(kind="individual", name=name, search_key=fold(name), unit=unit)
            )
        Nominee.objects.bulk_create(people, batch_size=BATCH)
        nominations = []
        base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        for i, person in enumerate(people):
            unit = person.unit or leaves[0]
            state = states[i % len(states)]
            to_province = i % 3 == 0
            nominations.append(
                Nomination(
                    campaign=campaign, phase=phase, proposer_unit=unit,
                    grantor_unit=root if to_province else unit.parent or root,
                    nominee=person, form=bk if to_province else gk, state=state,
                    created_by=admin,
                    submitted_on=None if state == NominationState.DRAFT
                    else dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(120)),
                )
            )  # fmt: skip
        Nomination.objects.bulk_create(nominations, batch_size=BATCH)
        # auto_now wrote one timestamp: spread them as real edits would.
        for i, nomination in enumerate(nominations):
            nomination.updated_at = base + dt.timedelta(minutes=rng.randrange(200_000))
        Nomination.objects.bulk_update(nominations, ["updated_at"], batch_size=BATCH)
        records = []
        for i, person in enumerate(people):
            for year in (2022, 2023):
                records.append(
                    AwardRecord(
                        nominee=person, form=gk, year=year, basis=AwardBasis.ANNUAL,
                        decision_number=f"{i}/QĐ-{year}", decision_date=dt.date(year, 12, 20),
                        grantor_title="Chủ tịch UBND huyện", unit_name="Xã Thử",
                        province_id=root.pk,
                    )
                )  # fmt: skip
        AwardRecord.objects.bulk_create(records, batch_size=BATCH)
        decided = [n for n in nominations if n.state == NominationState.DECIDED]
        decisions = []
        per = 50
        for k in range(0, len(decided), per):
            decisions.append(
                Decision(
                    campaign=campaign, phase=phase, form=bk, grantor_unit=root,
                    number=f"{k // per + 1}/QĐ-UBND-{p}", date=dt.date(2025, 6, 1)
                    + dt.timedelta(days=(k // per) % 150),
                    issuing_body="UBND tỉnh", grantor_title="Chủ tịch UBND tỉnh",
                    state=DecisionState.ISSUED, content_sha256="0" * 64, created_by=admin,
                )
            )  # fmt: skip
        for k in range(40):  # drafts, seen by the secretariat only
            decisions.append(
                Decision(
                    campaign=campaign, phase=phase, form=bk, grantor_unit=root,
                    issuing_body="UBND tỉnh", grantor_title="Chủ tịch UBND tỉnh",
                    state=DecisionState.DRAFT, created_by=admin,
                )
            )  # fmt: skip
        Decision.objects.bulk_create(decisions, batch_size=BATCH)
        entries = []
        for k in range(0, len(decided), per):
            decision = decisions[k // per]
            for order, nomination in enumerate(decided[k : k + per]):
                entries.append(
                    DecisionEntry(
                        decision=decision, nomination=nomination, subject_kind="individual",
                        name=nomination.nominee.name, unit_name="Xã Thử", order=order,
                    )
                )  # fmt: skip
        DecisionEntry.objects.bulk_create(entries, batch_size=BATCH)
        print(
            f"province {p}: {len(leaves) + 2 + districts} units, {len(people)} nominees, "
            f"{len(nominations)} nominations, {len(records)} records, {len(decisions)} "
            f"decisions, {len(entries)} entries ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=3)
    parser.add_argument("--nominees", type=int, default=60000, help="per province")
    parser.add_argument("--districts", type=int, default=10, help="per province")
    parser.add_argument("--communes", type=int, default=30, help="per district")
    parser.add_argument("--fresh", action="store_true", help="drop and re-create the database")
    args = parser.parse_args()
    django_setup(fresh=args.fresh)
    from django.db import connection

    from thidua.organisations.models import Unit

    if Unit.objects.filter(code="N0").exists():
        sys.exit("the dataset is already there (use --fresh)")
    build(args.provinces, args.nominees, args.districts, args.communes)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
