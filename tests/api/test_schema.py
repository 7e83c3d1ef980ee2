"""The OpenAPI schema, the server-rendered docs page and the API root."""

from __future__ import annotations

from html.parser import HTMLParser

from django.core.management import call_command
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

PATHS = [
    "/api/v1/auth/token/",
    "/api/v1/campaigns/",
    "/api/v1/campaigns/{id}/",
    "/api/v1/units/",
    "/api/v1/units/{id}/",
    "/api/v1/clusters/",
    "/api/v1/clusters/{id}/",
    "/api/v1/works/",
    "/api/v1/works/{id}/",
    "/api/v1/works/{id}/submit/",
    "/api/v1/works/{id}/approve/",
    "/api/v1/works/{id}/return/",
    "/api/v1/works/{id}/start/",
    "/api/v1/works/{id}/complete/",
    "/api/v1/works/{id}/cancel/",
    "/api/v1/works/{id}/progress/",
    "/api/v1/works/{id}/change-requests/",
    "/api/v1/works/{id}/evidence/{evidence_id}/",
    "/api/v1/works/approval-queue/",
    "/api/v1/change-requests/{id}/accept/",
    "/api/v1/change-requests/{id}/reject/",
    "/api/v1/report-periods/",
    "/api/v1/reports/",
    "/api/v1/reports/{id}/",
    "/api/v1/reports/{id}/submit/",
    "/api/v1/reports/{id}/return/",
    "/api/v1/reports/{id}/accept/",
    "/api/v1/reports/{id}/attachments/",
    "/api/v1/reports/{id}/attachments/{attachment_id}/",
    "/api/v1/targets/",
    "/api/v1/targets/{id}/evaluation/",
    "/api/v1/statistics/",
    "/api/v1/target-values/",
    # Commendation (#5)
    "/api/v1/nominations/",
    "/api/v1/nominations/{id}/",
    "/api/v1/nominations/{id}/submit/",
    "/api/v1/nominations/{id}/review-start/",
    "/api/v1/nominations/{id}/return/",
    "/api/v1/nominations/{id}/send-to-council/",
    "/api/v1/nominations/{id}/approve/",
    "/api/v1/nominations/{id}/reject/",
    "/api/v1/nominations/{id}/withdraw/",
    "/api/v1/nominees/",
    "/api/v1/councils/",
    "/api/v1/councils/{id}/",
    "/api/v1/council-sessions/",
    "/api/v1/council-sessions/{id}/",
    "/api/v1/decisions/",
    "/api/v1/decisions/{id}/",
    "/api/v1/certificates/",
    "/api/v1/certificates/{id}/",
    # Scoring, reviews, exemplary models (#6)
    "/api/v1/criteria-sets/",
    "/api/v1/criteria-sets/{id}/",
    "/api/v1/revocations/",
    "/api/v1/revocations/{id}/",
    "/api/v1/score-sheets/",
    "/api/v1/score-sheets/{id}/",
    "/api/v1/rankings/",
    "/api/v1/rankings/{id}/",
    "/api/v1/phase-reviews/",
    "/api/v1/phase-reviews/{id}/",
    "/api/v1/phase-reviews/{id}/report/",
    "/api/v1/exemplars/",
    "/api/v1/exemplars/{id}/",
    "/api/v1/proposals/",
    "/api/v1/proposals/{id}/",
    # Year results (#14): ratings and initiatives
    "/api/v1/ratings/",
    "/api/v1/ratings/{id}/",
    "/api/v1/initiatives/",
    "/api/v1/initiatives/{id}/",
    "/api/v1/registrations/",
    "/api/v1/registrations/{id}/",
    "/api/v1/registrations/{id}/submit/",
    # Plan import (#7)
    "/api/v1/plan-imports/",
    "/api/v1/plan-imports/{id}/",
]


def test_schema_is_valid_openapi_with_every_path(db):
    response = APIClient().get("/api/v1/schema/", {"format": "json"})

    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == sorted(PATHS)
    assert "post" in schema["paths"]["/api/v1/auth/token/"]
    campaign = schema["components"]["schemas"]["CampaignDetail"]["properties"]
    assert {"phases", "targets", "reporting_calendar", "signer"} <= set(campaign)


def test_schema_types_target_values_as_numbers(db):
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    target = schema["components"]["schemas"]["Target"]["properties"]
    phase = schema["components"]["schemas"]["Phase"]["properties"]
    assert target["value"]["type"] == "number"
    assert target["value_max"]["nullable"] is True
    assert (phase["start"]["type"], phase["start"]["format"]) == ("string", "date")


def test_schema_generation_emits_no_warning(db, tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(target))

    text = target.read_text(encoding="utf-8")
    assert "/api/v1/campaigns/{id}/:" in text
    assert "Danh sách phong trào thi đua" in text


class _PageAudit(HTMLParser):
    """Collects what a strict CSP forbids: inline script, style elements and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts: list[str] = []
        self.style_attributes: list[str] = []
        self.style_elements = 0
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _value in attrs}
        if "style" in names:
            self.style_attributes.append(tag)
        self.handlers += [name for name in names if name.startswith("on")]
        if tag == "style":
            self.style_elements += 1
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def test_docs_page_lists_endpoints_without_inline_code(db):
    response = APIClient().get("/api/v1/docs/")

    html = response.content.decode()
    audit = _PageAudit()
    audit.feed(html)
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "GET /api/v1/campaigns/" in html
    assert "Danh sách phong trào thi đua" in html
    assert "POST /api/v1/auth/token/" in html
    assert "Tham số" in html and "Trả lời" in html
    assert "phases[].start" in html and "results[].issuer_unit.code" in html
    assert audit.inline_scripts == []
    assert audit.style_attributes == []
    assert audit.style_elements == 0
    assert audit.handlers == []


def test_api_root_lists_endpoints(db):
    response = APIClient().get("/api/v1/")

    body = response.json()

    assert body["campaigns"] == "http://testserver/api/v1/campaigns/"
    assert body["units"] == "http://testserver/api/v1/units/"
    assert body["clusters"] == "http://testserver/api/v1/clusters/"
    assert body["works"] == "http://testserver/api/v1/works/"
    assert body["token"] == "http://testserver/api/v1/auth/token/"
    assert body["schema"] == "http://testserver/api/v1/schema/"
    assert body["docs"] == "http://testserver/api/v1/docs/"


def test_unknown_api_address_answers_json_404(db):
    response = APIClient().get("/api/v1/khong-co/")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "Không có địa chỉ API này: xem danh sách tại /api/v1/.",
        "code": "not_found",
        "errors": {},
    }
