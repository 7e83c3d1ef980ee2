"""The secret ballot against someone who holds the PostgreSQL database (issue 15): every
row version still on the pages (read with pageinspect, dead versions included) and the
WAL written while the council voted. The old design fell to this: a receipt's
transaction id matched the tally version it created, and consecutive versions of the
tally gave each member's choice.

Now there is no tally that changes per ballot: a ballot is a new row of three
ciphertexts, and what opens them — the tally code and the secret it derives — is on no
page and in no WAL record. A receipt and its sealed ballot still share a transaction id;
the test shows what that tie is worth: the ballots of members who voted differently
cannot be told apart, and the key is nowhere to be found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import connection

from tests.factories.councils import make_session, nominations, seats
from thidua.councils import ballot_box, services
from thidua.councils.models import VoteChoice

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pageinspect and the WAL are PostgreSQL's"
    ),
]

TABLES = (
    "councils_secretballot",
    "councils_ballotreceipt",
    "councils_councilevent",
    "councils_agendaitem",
    "councils_councilsession",
)
CHOICES = [VoteChoice.YES, VoteChoice.NO, VoteChoice.YES, VoteChoice.ABSTAIN, VoteChoice.NO]


def _sql(query: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return list(cursor.fetchall()) if cursor.description else []


def _tuples(table: str) -> list[tuple[int, bytes]]:
    """(xmin, raw tuple data) of every row version on the table's pages, dead ones too."""
    blocks = _sql("SELECT pg_relation_size(%s) / current_setting('block_size')::int", (table,))
    found = []
    for block in range(int(blocks[0][0])):
        for xmin, data in _sql(
            "SELECT t_xmin, t_data FROM heap_page_items(get_raw_page(%s, %s)) "
            "WHERE t_data IS NOT NULL",
            (table, block),
        ):
            found.append((int(xmin), bytes(data)))
    return found


def _pages(table: str) -> bytes:
    blocks = _sql("SELECT pg_relation_size(%s) / current_setting('block_size')::int", (table,))
    return b"".join(
        bytes(_sql("SELECT get_raw_page(%s, %s)", (table, block))[0][0])
        for block in range(int(blocks[0][0]))
    )


def _wal_since(start: str) -> bytes:
    """The raw WAL segments from ``start`` to now (the server's own files)."""
    _sql("SELECT pg_switch_wal()")
    first, last = _sql(
        "SELECT pg_walfile_name(%s::pg_lsn), pg_walfile_name(pg_current_wal_lsn())", (start,)
    )[0]
    folder = Path(str(_sql("SHOW data_directory")[0][0])) / "pg_wal"
    names = sorted(p.name for p in folder.iterdir() if re.fullmatch(r"[0-9A-F]{24}", p.name))
    return b"".join((folder / n).read_bytes() for n in names if str(first) <= n <= str(last))


def _key_forms(code: str, secret: int) -> list[bytes]:
    """Every spelling of the key an attacker could look for."""
    digits = format(secret, "x")
    return [
        ballot_box.normalise_code(code).encode(),
        code.encode(),
        digits.encode(),
        secret.to_bytes((secret.bit_length() + 7) // 8, "big"),
    ]


def test_no_row_version_and_no_wal_record_ties_a_member_to_a_choice(kh, people, province):
    _sql("CREATE EXTENSION IF NOT EXISTS pageinspect")
    start = str(_sql("SELECT pg_current_wal_lsn()")[0][0])
    items = nominations(kh, province, 1, form=kh.cstd)
    session = make_session(kh, people, members=6, present=5, written=1, items=items)
    session = services.session_open(actor=people.secretariat, session=session)
    item = session.items.get()
    present = [s for s in seats(session) if s.attendance == "present"]
    chose = {}
    for seat, choice in zip(present, CHOICES, strict=True):
        proof = services.council_vote(actor=seat.user, item=item, choice=choice)
        chose[seat.pk] = (choice, proof)
    # One member changes their mind: a sealed ballot is deleted and another written.
    changer = present[0]
    services.council_vote_change(
        actor=changer.user, item=item, choice=VoteChoice.NO, proof=chose[changer.pk][1]
    )
    chose[changer.pk] = (VoteChoice.NO, "")
    secret = ballot_box.secret_of(session.tally_code, session.ballot_salt)

    ballots = _tuples("councils_secretballot")
    receipts = _tuples("councils_ballotreceipt")

    # What the attacker can tie: a receipt's transaction to the ballot written with it.
    assert len(receipts) == 5 and len(ballots) == 6  # the changed ballot's dead version too
    by_xid = dict(ballots)
    tied = [by_xid.get(xmin) for xmin, _data in receipts]
    assert all(tied)

    # What the tie is worth: masked of its random numbers and ids, every ballot's bytes are
    # the same, whether the member chose yes, no or abstain.
    # (the tuple: a random 16-byte id, the 1,536 bytes of group elements with their
    # length header, then the item): the same length, the same header, the same item,
    # and nothing else in common.
    rows = [data or b"" for data in tied]
    assert len({len(row) for row in rows}) == 1
    assert len({row[16:20] for row in rows}) == 1  # the length header of the sealed bytes
    assert len({row[-8:] for row in rows}) == 1  # the item
    assert len({row[20:-8] for row in rows}) == len(rows)  # random group elements
    # And the key that would open a ballot is on no page and in no WAL record.
    pages = b"".join(_pages(table) for table in TABLES)
    wal = _wal_since(start)
    assert len(wal) > 0
    for form in _key_forms(session.tally_code, secret):
        assert form not in pages
        assert form not in wal
    # Without the key the attacker is left with the sums, opened only at closing.
    services.session_close(actor=people.secretariat, session=session)
    item.refresh_from_db()
    expected = [choice for choice, _proof in chose.values()]
    assert (item.yes_count, item.no_count, item.abstain_count) == (
        expected.count(VoteChoice.YES),
        expected.count(VoteChoice.NO),
        expected.count(VoteChoice.ABSTAIN),
    )
    for form in _key_forms(session.tally_code, secret):
        assert form not in _wal_since(start)
