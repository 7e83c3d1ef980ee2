"""The API's front door: the root listing and a docs page rendered on the server.

The docs page is built from the generated OpenAPI schema, so it is always in step with
the code; it needs no network and no script (the CSP forbids inline script and style,
which is why Swagger UI is not used).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

#: How deep nested objects are unfolded in the docs' field tables.
MAX_DEPTH = 5
METHODS = ("get", "post", "put", "patch", "delete")


@extend_schema(exclude=True)
class ApiRootView(APIView):
    """``GET /api/v1/``: where each endpoint is (open to all: it names no data)."""

    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        def url(name: str) -> str:
            return reverse(name, request=request)

        from thidua.api.urls import router  # at call time: urls imports this module

        list_names = {getattr(route, "name", None) for route in router.urls}
        listed = {
            prefix: url(f"api:{basename}-list")
            for prefix, _viewset, basename in router.registry
            if f"{basename}-list" in list_names
        }
        return Response(
            {
                **listed,
                "token": url("api:token"),
                "schema": url("api:schema"),
                "docs": url("api:docs"),
            }
        )


@extend_schema(exclude=True)
class ApiNotFoundView(APIView):
    """Any other address under ``/api/v1/…/``: a 404 in the API's error format, not HTML."""

    permission_classes = [AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        raise NotFound(_("Không có địa chỉ API này: xem danh sách tại /api/v1/."))


@dataclass(frozen=True)
class DocField:
    """One row of a field or parameter table."""

    name: str
    type: str
    required: bool = False
    description: str = ""
    location: str = ""


@dataclass(frozen=True)
class DocResponse:
    status: str
    description: str
    fields: list[DocField]


@dataclass
class DocOperation:
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    needs_auth: bool
    parameters: list[DocField] = field(default_factory=list)
    request_fields: list[DocField] = field(default_factory=list)
    responses: list[DocResponse] = field(default_factory=list)


class _Reader:
    """Reads an OpenAPI document into plain rows for the template."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.components = schema.get("components", {}).get("schemas", {})

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.components.get(node["$ref"].rsplit("/", 1)[-1], {})
        if "allOf" in node and len(node["allOf"]) == 1:
            return {
                **self.resolve(node["allOf"][0]),
                **{k: v for k, v in node.items() if k != "allOf"},
            }
        return node

    def type_of(self, node: dict[str, Any]) -> str:
        node = self.resolve(node)
        if "oneOf" in node or "anyOf" in node:
            options = node.get("oneOf") or node.get("anyOf") or []
            return " | ".join(self.type_of(option) for option in options)
        if "enum" in node:
            values = ", ".join(str(v) for v in node["enum"] if v not in ("", None))
            return _t("chuỗi, một trong: %(values)s") % {"values": values}
        kind = node.get("type", _t("đối tượng") if "properties" in node else _t("bất kỳ"))
        if kind == "array":
            kind = _t("mảng %(item)s") % {"item": self.type_of(node.get("items", {}))}
        elif node.get("format"):
            kind = f"{kind} ({node['format']})"
        if node.get("nullable"):
            kind = _t("%(type)s hoặc null") % {"type": kind}
        return str(kind)

    def fields(self, node: dict[str, Any], prefix: str = "", depth: int = 0) -> list[DocField]:
        node = self.resolve(node)
        if node.get("type") == "array" and depth < MAX_DEPTH:
            return self.fields(node.get("items", {}), f"{prefix}[]", depth + 1)
        rows: list[DocField] = []
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            full = f"{prefix}.{name}" if prefix else name
            resolved = self.resolve(prop)
            # The property's own words; a referenced component's docstring is for programmers.
            words = prop.get("description") or prop.get("title") or ""
            if "$ref" not in prop and "allOf" not in prop:
                words = words or resolved.get("title", "")
            rows.append(
                DocField(
                    name=full,
                    type=self.type_of(prop),
                    required=name in required,
                    description=str(words),
                )
            )
            nested = resolved.get("items", {}) if resolved.get("type") == "array" else resolved
            if "properties" in self.resolve(nested) and depth < MAX_DEPTH:
                suffix = "[]" if resolved.get("type") == "array" else ""
                rows.extend(self.fields(self.resolve(nested), full + suffix, depth + 1))
        return rows

    def operations(self) -> list[DocOperation]:
        result = []
        for path, item in self.schema.get("paths", {}).items():
            for method in METHODS:
                if method in item:
                    result.append(self.operation(path, method, item[method]))
        return result

    def operation(self, path: str, method: str, op: dict[str, Any]) -> DocOperation:
        parameters = [
            DocField(
                name=p["name"],
                type=self.type_of(p.get("schema", {})),
                required=bool(p.get("required")),
                description=str(p.get("description", "")),
                location=p.get("in", ""),
            )
            for p in op.get("parameters", [])
        ]
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        responses = []
        for status, answer in op.get("responses", {}).items():
            content = answer.get("content", {}).get("application/json", {})
            responses.append(
                DocResponse(
                    status=status,
                    description=str(answer.get("description", "")),
                    fields=self.fields(content.get("schema", {})) if content else [],
                )
            )
        security = op.get("security", self.schema.get("security", []))
        return DocOperation(
            method=method.upper(),
            path=path,
            summary=str(op.get("summary", "")),
            description=str(op.get("description", "")),
            anchor=str(op.get("operationId", f"{method}-{path}")),
            needs_auth=any(requirement for requirement in security),
            parameters=parameters,
            request_fields=self.fields(body.get("schema", {})) if body else [],
            responses=responses,
        )


#: The generated schema by (language, version): it changes only with the code, and
#: building it takes about half a second, so each process builds it once.
_SCHEMAS: dict[tuple[str, str | None], dict[str, Any]] = {}


def openapi_schema(version: str | None = None) -> dict[str, Any]:
    """The public OpenAPI schema in the active language, built once per process."""
    key = (get_language() or "", version)
    if key not in _SCHEMAS:
        generator = SchemaGenerator(api_version=version)
        _SCHEMAS[key] = generator.get_schema(request=None, public=True)
    return _SCHEMAS[key]


class SchemaView(SpectacularAPIView):
    """``GET /api/v1/schema/``: the OpenAPI schema, served from :func:`openapi_schema`."""

    def _get_schema_response(self, request: Request) -> Response:
        version = self.api_version or request.version or self._get_version_parameter(request)
        return Response(
            data=openapi_schema(version),
            headers={
                "Content-Disposition": f'inline; filename="{self._get_filename(request, version)}"'
            },
        )


def documented_operations() -> tuple[dict[str, Any], list[DocOperation]]:
    """The schema's info block and every operation, in the schema's path order."""
    schema = openapi_schema()
    return schema.get("info", {}), _Reader(schema).operations()


class ApiDocsView(TemplateView):
    """``GET /api/v1/docs/``: the API reference as one server-rendered page (no script)."""

    template_name = "api/docs.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        info, operations = documented_operations()
        context.update(info=info, operations=operations, page_title=_("Tài liệu API"))
        return context
