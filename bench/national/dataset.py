"""The national dataset of issue #16 on PostgreSQL, at any scale, written with COPY.

``--scale 1`` is the country the issue measured: the 34 provinces and 3.321 communes of
the official list (``divisions_load``), 9.894 units in all, and per province one campaign
(two phases, ten quarters of reports), about 2.900 works, 29.000 nominees of whom 98,5 %
have a nomination (2,6 events each), 3,1 decided of every 10 with their decisions
(about 85 rows each), rows, award records and certificates, and ten years of history:
10,4 M award records. ``--scale 0.1`` is the same country with a tenth of every row
count that grows with use (the units, campaigns and users stay).

The small tables (units, users, campaigns, phases, report periods, decisions) go through
the ORM, so their own rules (a unit's path) hold; the big ones are written with COPY in
primary-key order, their ids given here and the sequences moved past them at the end.
Each row is what the app itself would store (states spread over the workflow, an event
for every move, an award record and a certificate for every decided row).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_nat01 \\
        PYTHONPATH=. .venv/bin/python bench/national/dataset.py --fresh --scale 0.1

Users (password unusable; the runner signs in with ``force_login``): ``bench-admin``,
and for the i-th province (0-based, in the list's order) ``bench-sec-i`` (its Ban TĐKT)
and ``bench-officer-i`` (a commune's officer).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bench.national.setup import django_setup

FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
         "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Kim", "Hoài"]
LAST = ["An", "Bình", "Cường", "Dũng", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc",
        "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Xuân", "Yến", "Khoa", "Nhung"]  # fmt: skip
WORDS = ["Nâng cấp", "Xây dựng", "Sửa chữa", "Trồng cây", "Lắp đặt", "Bê tông hóa", "Nạo vét"]
THINGS = ["đường giao thông", "nhà văn hóa", "kênh thủy lợi", "cầu dân sinh", "trạm y tế",
          "điện chiếu sáng", "trường mẫu giáo", "sân thể thao", "chợ", "cống thoát nước"]  # fmt: skip
#: Per province at scale 1 (the issue's totals divided by 34).
NOMINEES = 29_400
WORKS = 2_900
HISTORY_YEARS = 10
DEPARTMENTS = 20
OTHERS = 172  # schools, hospitals, enterprises: 9.894 units in all with the 34 × 20 depts
ENTRIES_PER_DECISION = 85
NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


class Copier:
    """COPY rows into a model's table: every column, the unnamed ones at their default."""

    def __init__(self, model: Any) -> None:
        from django.db import connection

        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = ", ".join(f'"{f.column}"' for f in self.fields)
        self.template = [self._default(f, connection) for f in self.fields]
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        self.next_id = (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    @staticmethod
    def _default(field: Any, connection: Any) -> Any:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return NOW
        if field.primary_key:
            return None
        return field.get_db_prep_save(field.get_default(), connection)

    def ids(self, count: int) -> range:
        start = self.next_id
        self.next_id += count
        return range(start, start + count)

    def write(self, rows: Iterable[dict[str, Any]]) -> int:
        from django.db import connection

        order = [(self.index[name], name) for name in self.index]
        written = 0
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:  # psycopg's own: COPY
            table = self.model._meta.db_table
            with cursor.copy(f'COPY "{table}" ({self.columns}) FROM STDIN') as copy:
                for values in rows:
                    row = list(self.template)
                    for i, name in order:
                        if name in values:
                            row[i] = values[name]
                    copy.write_row(row)
                    written += 1
        return written

    def finish(self) -> None:
        from django.db import connection

        table = self.model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
            )


def _people(rng: random.Random, count: int) -> Iterator[tuple[str, str]]:
    from thidua.core.text import fold

    folded = {w: fold(w) for w in (*FIRST, *MIDDLE, *LAST)}
    for n in range(count):
        a, b, c = rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST)
        yield f"{a} {b} {c}", f"{folded[a]} {folded[b]} {folded[c]}"


def _units(rng: random.Random) -> list[dict[str, Any]]:
    """The official 34 provinces and their communes, and per province its departments
    (the first is the Sở Nội vụ) and other units; the province users."""
    from thidua.accounts.models import Membership, Role, User
    from thidua.organisations.divisions_loading import divisions_load
    from thidua.organisations.models import Unit, UnitKind

    divisions_load(day=dt.date(2025, 7, 1))
    provinces = []
    for i, root in enumerate(Unit.objects.filter(kind=UnitKind.PROVINCE).order_by("code")):
        communes = list(Unit.objects.filter(parent=root, kind=UnitKind.COMMUNE).order_by("code"))
        departments = [
            Unit.objects.create(
                code=f"{root.code}-S{k:02d}", parent=root, kind=UnitKind.DEPARTMENT,
                name="Sở Nội vụ" if k == 0 else f"Sở {k} tỉnh {root.name}",
            )
            for k in range(DEPARTMENTS)
        ]  # fmt: skip
        others = [
            Unit.objects.create(
                code=f"{root.code}-K{k:03d}", kind=UnitKind.OTHER, name=f"Trường {k}",
                parent=communes[k % len(communes)] if k % 2 else departments[1 + k % 19],
            )
            for k in range(OTHERS)
        ]  # fmt: skip
        secretariat = User.objects.create(username=f"bench-sec-{i}")
        Membership.objects.create(user=secretariat, unit=departments[0], role=Role.SECRETARIAT)
        officer = User.objects.create(username=f"bench-officer-{i}")
        Membership.objects.create(user=officer, unit=communes[0], role=Role.UNIT_OFFICER)
        provinces.append(
            {"root": root, "communes": communes, "departments": departments,
             "members": [*communes, *departments, *others], "secretariat": secretariat}
        )  # fmt: skip
    return provinces


def _campaign(province: dict[str, Any], admin: Any) -> dict[str, Any]:
    from thidua.campaigns.models import Campaign, Phase
    from thidua.reports.models import ReportPeriod

    root = province["root"]
    campaign = Campaign.objects.create(
        code=f"kh-{root.code}-2025", title=f"Phong trào thi đua năm 2025 – 2026 của {root.name}",
        issuer_unit=root, doc_number=f"{int(root.code) * 3}/KH-UBND",
        doc_date=dt.date(2025, 1, 15), doc_place=root.name, issuer_name="Ủy ban nhân dân",
        signer_name="Nguyễn Văn A", signer_position="Chủ tịch", start=dt.date(2025, 1, 1),
        start_precision="day", end=dt.date(2026, 12, 31), end_precision="day",
    )  # fmt: skip
    phases = [
        Phase.objects.create(
            campaign=campaign, code=f"dot-{n}", name=f"Đợt {n}", start=start,
            start_precision="day", end=end,
        )
        for n, (start, end) in enumerate(
            [(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))], 1
        )
    ]  # fmt: skip
    periods = []
    for year, number in [(2024, 3), (2024, 4)] + [(y, q) for y in (2025, 2026) for q in (1, 2, 3, 4)]:
        start = dt.date(year, 3 * number - 2, 1)
        end = dt.date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1) - dt.timedelta(1)
        due = end + dt.timedelta(days=5)
        periods.append(
            ReportPeriod.objects.create(
                campaign=campaign, year=year, number=number, label=f"Quý {number}/{year}",
                start=start, end=end, nominal_due=due, effective_due=due,
            )
        )  # fmt: skip
    del admin
    return {"campaign": campaign, "phases": phases, "periods": periods}


STATES = ["submitted", "submitted", "under_review", "to_council", "approved", "decided",
          "decided", "decided", "draft", "returned"]  # fmt: skip
#: The moves that lead to each state (each writes one event after the "create").
PATHS = {
    "draft": [], "submitted": ["submit"], "under_review": ["submit", "review_start"],
    "returned": ["submit", "review_start", "return"],
    "to_council": ["submit", "review_start", "send_to_council"],
    "approved": ["submit", "review_start", "send_to_council", "approve"],
    "decided": ["submit", "review_start", "send_to_council", "approve", "mark_decided"],
}  # fmt: skip
AFTER = {"submit": "submitted", "review_start": "under_review", "return": "returned",
         "send_to_council": "to_council", "approve": "approved", "mark_decided": "decided"}  # fmt: skip


class Build:
    """The rows of one province after another; ``copiers`` keep the ids running."""

    def __init__(self, scale: float, seed: int = 16) -> None:
        from thidua.accounts.models import User
        from thidua.awards.models import AwardForm, AwardRecord, Nomination, NominationEvent, Nominee
        from thidua.decisions.models import Certificate, DecisionEntry
        from thidua.reports.models import UnitReport
        from thidua.works.models import Work

        self.scale = scale
        self.rng = random.Random(seed)
        self.admin = User.objects.create(username="bench-admin", is_superuser=True, is_staff=True)
        forms = {f.code: f for f in AwardForm.objects.all()}
        self.bk, self.gk = forms["bang-khen-tinh"], forms["giay-khen"]
        self.annual = [forms["giay-khen"], forms["ldtt"], forms["cstdcs"]]
        models = (Nominee, Nomination, NominationEvent, AwardRecord, DecisionEntry,
                  Certificate, Work, UnitReport)  # fmt: skip
        self.copiers = {m.__name__: Copier(m) for m in models}
        self.counts: dict[str, int] = dict.fromkeys(self.copiers, 0)

    def province(self, province: dict[str, Any], plan: dict[str, Any]) -> None:
        members: list[Any] = province["members"]
        count = max(1, round(NOMINEES * self.scale))
        nominee_ids = self.copiers["Nominee"].ids(count)
        units = [None if n % 50 == 0 else self.rng.choice(members) for n in range(count)]
        names = list(_people(self.rng, count))
        self._write("Nominee", (
            {"id": pk, "kind": "individual", "name": f"{name} {pk}", "search_key": f"{key} {pk}",
             "unit_id": unit.pk if unit else None, "created_at": NOW}
            for pk, unit, (name, key) in zip(nominee_ids, units, names, strict=True)
        ))  # fmt: skip
        self._history(province, nominee_ids, units)
        decided = self._nominations(province, plan, nominee_ids, units)
        self._decisions(province, plan, decided)
        self._works(province, plan)
        self._reports(province, plan)

    def _write(self, name: str, rows: Iterable[dict[str, Any]]) -> None:
        self.counts[name] += self.copiers[name].write(rows)

    def _history(self, province: dict[str, Any], ids: Sequence[int], units: list[Any]) -> None:
        """Ten years of annual titles a nominee received before the campaign (2015–2024)."""
        root = province["root"]
        rng = self.rng

        def rows() -> Iterator[dict[str, Any]]:
            for pk, unit in zip(ids, units, strict=True):
                for year in range(2024 - HISTORY_YEARS + 1, 2025):
                    form = self.annual[rng.randrange(3)]
                    yield {
                        "id": self.copiers["AwardRecord"].ids(1).start, "nominee_id": pk,
                        "form_id": form.pk, "year": year, "basis": "annual",
                        "decision_number": f"{rng.randrange(1, 3000)}/QĐ-UBND",
                        "decision_date": dt.date(year, 12, rng.randrange(1, 29)),
                        "grantor_title": "Chủ tịch UBND", "recorded_at": NOW,
                        "unit_name": unit.name if unit else "Đơn vị cũ", "province_id": root.pk,
                    }  # fmt: skip

        self._write("AwardRecord", rows())

    def _nominations(
        self, province: dict[str, Any], plan: dict[str, Any], ids: Sequence[int], units: list[Any]
    ) -> list[dict[str, Any]]:
        root, rng = province["root"], self.rng
        communes = province["communes"]
        created = []
        nominations = self.copiers["Nomination"]
        for i, (pk, unit) in enumerate(zip(ids, units, strict=True)):
            if i % 200 >= 197:  # 98,5 % of the nominees are nominated
                continue
            state = STATES[i % len(STATES)]
            proposer = unit or communes[0]
            to_province = i % 3 == 0
            grantor = root if to_province or proposer.parent_id == root.pk else proposer.parent
            phase = plan["phases"][0 if state == "decided" else 1]
            year = 2025 if state == "decided" else 2026
            sent = None if state == "draft" else dt.date(year, 1, 5) + dt.timedelta(rng.randrange(300))
            created.append({
                "id": nominations.ids(1).start, "campaign_id": plan["campaign"].pk,
                "phase_id": phase.pk, "proposer_unit_id": proposer.pk, "grantor_unit_id": grantor.pk,
                "nominee_id": pk, "form_id": (self.bk if to_province else self.gk).pk,
                "state": state, "created_by_id": self.admin.pk, "submitted_on": sent,
                "achievement": None, "updated_at": NOW - dt.timedelta(minutes=rng.randrange(500_000)),
                "created_at": NOW - dt.timedelta(days=400), "_grantor": grantor, "_unit": proposer,
            })  # fmt: skip
        from psycopg.types.json import Jsonb

        empty = Jsonb({})
        for row in created:
            row["achievement"] = empty
        self._write("Nomination", created)
        self._write("NominationEvent", self._events(created, empty))
        return [row for row in created if row["state"] == "decided"]

    def _events(self, nominations: list[dict[str, Any]], empty: Any) -> Iterator[dict[str, Any]]:
        events = self.copiers["NominationEvent"]
        for row in nominations:
            at = row["created_at"]
            yield {"id": events.ids(1).start, "actor_id": self.admin.pk, "at": at, "kind": "create",
                   "payload": empty, "nomination_id": row["id"], "from_state": "",
                   "to_state": "draft"}  # fmt: skip
            state = "draft"
            for step, move in enumerate(PATHS[row["state"]], 1):
                yield {"id": events.ids(1).start, "actor_id": self.admin.pk,
                       "at": at + dt.timedelta(days=step), "kind": move, "payload": empty,
                       "nomination_id": row["id"], "from_state": state, "to_state": AFTER[move]}  # fmt: skip
                state = AFTER[move]

    def _decisions(self, province: dict[str, Any], plan: dict[str, Any], decided: list[dict[str, Any]]) -> None:
        """Issued decisions of about 85 rows, by grantor and form, each row with its award
        record and its certificate (the certificate verification reads them)."""
        from thidua.decisions.models import Decision, DecisionState

        groups: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for row in decided:
            groups.setdefault((row["grantor_unit_id"], row["form_id"]), []).append(row)
        chunks = [
            (key, rows[k : k + ENTRIES_PER_DECISION])
            for key, rows in sorted(groups.items())
            for k in range(0, len(rows), ENTRIES_PER_DECISION)
        ]
        decisions = Decision.objects.bulk_create(
            Decision(
                campaign=plan["campaign"], phase=plan["phases"][0], form_id=form,
                grantor_unit_id=grantor, number=f"{n + 1}/QĐ-{province['root'].code}",
                date=dt.date(2025, 12, 1) + dt.timedelta(days=n % 25), issuing_body="UBND",
                grantor_title="Chủ tịch UBND", state=DecisionState.ISSUED,
                content_sha256="0" * 64, created_by=self.admin, issued_at=NOW, issued_by=self.admin,
            )
            for n, ((grantor, form), _rows) in enumerate(chunks)
        )  # fmt: skip
        records, entries, certificates = [], [], []
        for decision, (_key, rows) in zip(decisions, chunks, strict=True):
            for order, row in enumerate(rows):
                record = self.copiers["AwardRecord"].ids(1).start
                entry = self.copiers["DecisionEntry"].ids(1).start
                name = f"Người {row['nominee_id']}"
                records.append({
                    "id": record, "nominee_id": row["nominee_id"], "form_id": row["form_id"],
                    "year": 2025, "basis": "campaign", "campaign_id": plan["campaign"].pk,
                    "nomination_id": row["id"], "decision_number": decision.number,
                    "decision_date": decision.date, "grantor_title": decision.grantor_title,
                    "unit_name": row["_unit"].name, "recorded_at": NOW,
                    "province_id": province["root"].pk,
                })  # fmt: skip
                entries.append({
                    "id": entry, "decision_id": decision.pk, "nomination_id": row["id"],
                    "subject_kind": "individual", "name": name, "unit_name": row["_unit"].name,
                    "order": order, "award_record_id": record,
                })  # fmt: skip
                certificates.append({
                    "id": self.copiers["Certificate"].ids(1).start, "entry_id": entry,
                    "code": _code(self.rng), "pdf": "", "issued_at": NOW,
                })  # fmt: skip
        self._write("AwardRecord", records)
        self._write("DecisionEntry", entries)
        self._write("Certificate", certificates)

    def _works(self, province: dict[str, Any], plan: dict[str, Any]) -> None:
        from thidua.core.text import fold

        rng, root = self.rng, province["root"]
        states = ["approved", "in_progress", "in_progress", "completed", "submitted", "draft",
                  "returned", "cancelled"]  # fmt: skip
        works = self.copiers["Work"]

        def rows() -> Iterator[dict[str, Any]]:
            for n in range(max(1, round(WORKS * self.scale))):
                unit = rng.choice(province["communes"] + province["departments"])
                title = f"{rng.choice(WORDS)} {rng.choice(THINGS)} số {n} của {unit.name}"
                state = states[n % len(states)]
                start = dt.date(2025, 1, 1) + dt.timedelta(rng.randrange(400))
                yield {
                    "id": works.ids(1).start, "campaign_id": plan["campaign"].pk,
                    "unit_id": unit.pk, "registrant_unit_id": unit.pk, "approver_unit_id": root.pk,
                    "kind": "construction" if n % 3 else "task", "title": title,
                    "planned_start": start, "planned_finish": start + dt.timedelta(180),
                    "state": state, "percent_complete": {"completed": 100, "in_progress": 40}.get(state, 0),
                    "actual_finish": start + dt.timedelta(150) if state == "completed" else None,
                    "created_by_id": self.admin.pk, "search_text": fold(title),
                    "updated_at": NOW - dt.timedelta(minutes=rng.randrange(500_000)),
                }  # fmt: skip

        self._write("Work", rows())

    def _reports(self, province: dict[str, Any], plan: dict[str, Any]) -> None:
        from psycopg.types.json import Jsonb

        reports, empty = self.copiers["UnitReport"], Jsonb({})

        def rows() -> Iterator[dict[str, Any]]:
            for period in plan["periods"]:
                past = period.effective_due < NOW.date()
                for k, unit in enumerate(province["members"]):
                    state = ("accepted" if k % 10 < 8 else "submitted" if k % 10 == 8 else "open") if past else "open"
                    sent = dt.datetime.combine(period.end, dt.time(9), dt.UTC) if state != "open" else None
                    yield {"id": reports.ids(1).start, "period_id": period.pk, "unit_id": unit.pk,
                           "state": state, "figures": empty, "prefill": empty,
                           "submitted_at": sent, "accepted_at": sent if state == "accepted" else None}  # fmt: skip

        self._write("UnitReport", rows())


def _code(rng: random.Random) -> str:
    from thidua.decisions.models.certificates import CODE_ALPHABET

    letters = "".join(rng.choice(CODE_ALPHABET) for _ in range(20))
    return "-".join(letters[i : i + 4] for i in range(0, 20, 4))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="1 = the issue's national figures")
    parser.add_argument("--fresh", action="store_true", help="drop and re-create the database")
    args = parser.parse_args()
    django_setup(fresh=args.fresh)
    from django.db import connection, transaction

    from thidua.accounts.models import User
    from thidua.awards.services import award_forms_load_shipped

    if User.objects.filter(username="bench-admin").exists():
        sys.exit("the dataset is already there (use --fresh)")
    started = time.perf_counter()
    with transaction.atomic():
        award_forms_load_shipped()
        rng = random.Random(16)
        provinces = _units(rng)
        build = Build(args.scale)
        print(f"units and users: {time.perf_counter() - started:.0f} s", flush=True)
        for i, province in enumerate(provinces):
            build.province(province, _campaign(province, build.admin))
            print(f"province {i + 1}/{len(provinces)} {province['root'].name}: "
                  f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
        for copier in build.copiers.values():
            copier.finish()
    print("rows:", ", ".join(f"{k} {v:,}" for k, v in build.counts.items()), flush=True)
    connection.cursor().execute("VACUUM ANALYZE")
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
