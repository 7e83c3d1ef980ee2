"""Every state field of every model changes through the one workflow engine.

Two walks: over the models (each model with a state field has a ``Workflow`` registered
with ``thidua.core.workflow``), and over the source (no module but the engine assigns a
state field: no ``obj.state = …``, no ``setattr(obj, "state", …)``, no
``.update(state=…)``). Together they keep the nine copies of the transition function from
coming back.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

from django.apps import apps
from django.db import models

import thidua
from thidua.core.workflow import registered_workflows

SRC = Path(thidua.__file__).parent
ENGINE = SRC / "core" / "workflow.py"
STATE_FIELDS = {"state", "status"}
#: Calls that read by state or create a row in its first state: not a state change.
READS_AND_CREATES = {"Q", "filter", "exclude", "get", "create", "get_or_create", "When"}


def _is_state_member(node: ast.expr) -> bool:
    """``SomethingState.X`` or ``SomethingStatus.X``: a state enum's member."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id.endswith(("State", "Status"))
    )


def _import_every_module() -> None:
    for info in pkgutil.walk_packages(thidua.__path__, prefix="thidua."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def _stateful_models() -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("thidua."):
            continue
        for field in model._meta.concrete_fields:
            if field.name in STATE_FIELDS and field.choices:
                found.append((model, field.name))
    return found


def test_every_model_with_a_state_field_has_a_workflow() -> None:
    _import_every_module()
    registry = registered_workflows()

    missing = [
        f"{model._meta.label}.{name}"
        for model, name in _stateful_models()
        if model not in registry or registry[model].state_field != name
    ]

    assert _stateful_models(), "the walk found no model with a state field"
    assert not missing, f"models whose state changes outside the engine: {missing}"


def _state_writes(path: Path, root: Path = SRC) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in STATE_FIELDS:
                found.append(f"{path.relative_to(root)}:{node.lineno} assigns .{target.attr}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "update" and any(k.arg in STATE_FIELDS for k in node.keywords):
                found.append(f"{path.relative_to(root)}:{node.lineno} .update(state=…)")
            elif name not in READS_AND_CREATES and any(
                k.arg in STATE_FIELDS and _is_state_member(k.value) for k in node.keywords
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}(state=…)")
            if (
                name == "setattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in STATE_FIELDS
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno} setattr(…, state)")
    return found


#: Modules that write the state of a model thidua does not own, with the reason.
NOT_OURS = {
    "core/task_leases.py": "django-tasks' DBTaskResult.status: its worker writes it directly "
    "too; queueing again a task whose worker died is its lifecycle, not a thidua workflow",
}


def test_no_module_but_the_engine_writes_a_state_field() -> None:
    modules = [
        path
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts
        and path != ENGINE
        and str(path.relative_to(SRC)) not in NOT_OURS
    ]

    writes = [write for path in modules for write in _state_writes(path)]

    assert len(modules) > 100
    assert not writes, "state fields written outside thidua.core.workflow:\n" + "\n".join(writes)


def test_the_walk_sees_a_state_write_when_there_is_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(work, Work):\n"
        "    work.state = 'done'\n"
        "    Work.objects.filter(pk=1).update(state='x')\n"
        "    setattr(work, 'status', 'y')\n"
        "    _step(batch, state=BatchState.RUNNING, progress=1)\n"
        "    Work.objects.create(state=WorkState.DRAFT)\n"
        "    Work.objects.filter(state=WorkState.DRAFT)\n"
    )

    found = _state_writes(sample, root=tmp_path)

    assert found == [
        "sample.py:2 assigns .state",
        "sample.py:3 .update(state=…)",
        "sample.py:4 setattr(…, state)",
        "sample.py:5 _step(state=…)",
    ]
