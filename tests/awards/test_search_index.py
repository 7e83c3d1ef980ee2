"""Issue #16: the nominees' folded names carry a pg_trgm index on PostgreSQL, and the
name search uses it; on SQLite the migration does nothing and search works the same."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories.awards import NomineeFactory
from thidua.awards.models import Nominee


@pytest.mark.django_db
def test_name_search_uses_the_trigram_index_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is a PostgreSQL extension; SQLite searches without an index")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'awards_nominee_search_key_trgm'"
        )
        (definition,) = cursor.fetchone()
        assert "gin_trgm_ops" in definition
        query = Nominee.objects.filter(search_key__contains="nguyen").order_by().query
        sql, params = query.sql_with_params()
        # On an empty table the planner would rather walk any index: leave it only the
        # bitmap scans a GIN index offers, as it chooses them on a large table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "awards_nominee_search_key_trgm" in plan


@pytest.mark.django_db
def test_name_search_without_diacritics_on_any_database() -> None:
    NomineeFactory(name="Nguyễn Văn An")
    NomineeFactory(name="Trần Thị Bình")

    found = Nominee.objects.filter(search_key__contains="nguyen van")

    assert [n.name for n in found] == ["Nguyễn Văn An"]
