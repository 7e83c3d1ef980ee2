"""The workflow engine: the one place where any record changes state.

Every workflow of thidua (works, reports, nominations, council sessions, decisions, score
sheets, reviews, exemplary models, plan drafts, …) is a ``Workflow``: a model, its state
enum, a transition table ``(state, action) → target`` (or ``→ (target, who)``), a
may-act predicate and a way to write the workflow's append-only event. ``Workflow.run``
does, once for all of them (DESIGN.md §4, STYLE.md "Workflows"):

    lock the row → look the move up in the table → check permission → check the
    preconditions → apply the changes → save the new state → append the event →
    queue the side effects for after the commit.

Each app keeps its own table, predicate, event kinds and effects; no code outside this
module assigns a state field (``tests/core/test_workflow_engine.py`` enforces it).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db import models, transaction
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

M = TypeVar("M", bound=models.Model)

Effects = Callable[[Any], None]
Check = Callable[[Any], None]
Apply = Callable[[Any], "dict[str, Any] | None"]
Record = Callable[[Any, Any, "Move", dict[str, Any]], None]
Refusal = Callable[[Any, Any, Any], str]


class WorkflowError(enum.StrEnum):
    """Error codes the engine itself raises."""

    INVALID_TRANSITION = "invalid_transition"


@dataclass(frozen=True)
class Move:
    """What the engine decided for one request: from ``source`` by ``action`` to ``target``."""

    source: Any
    action: Any
    target: Any
    who: Any = None


@dataclass(frozen=True)
class Workflow(Generic[M]):
    """One workflow: its model, table, predicate and event writer.

    ``transitions`` maps ``(state, action)`` to the target state, or to
    ``(target, who)`` where ``who`` is handed to ``may_act`` (a role key of the app's
    own). ``may_act(actor, locked_obj, who)`` returns whether the actor may make the
    move; ``None`` means the caller has checked permission already (a service that must
    check before it locks, say). ``record(obj, actor, move, payload)`` writes the event
    in the same transaction. ``refusal(obj, move_source, action)`` words the message for
    a move the table does not allow. ``related`` lists ``select_related`` paths loaded
    with the locked row. ``admits(locked_obj, move)``, when given, narrows the table for
    one record (a row that holds only for some records, say a form needing no council):
    a move it refuses is refused like one the table lacks, before the permission check.
    """

    model: type[M]
    states: type[enum.Enum]
    transitions: Mapping[tuple[Any, Any], Any]
    record: Callable[[M, Any, Move, dict[str, Any]], None]
    may_act: Callable[[Any, M, Any], bool] | None = None
    refusal: Callable[[M, Any, Any], str] | None = None
    state_field: str = "state"
    related: tuple[str, ...] = field(default=())
    admits: Callable[[M, Move], bool] | None = None

    def __post_init__(self) -> None:
        _REGISTRY[self.model] = self

    def locked(self, obj: M) -> M:
        """``obj`` read again under a row lock (PostgreSQL ``FOR UPDATE OF`` the row)."""
        queryset = self.model._default_manager.select_for_update(of=("self",))
        if self.related:
            queryset = queryset.select_related(*self.related)
        return queryset.get(pk=obj.pk)

    def move_for(self, state: Any, action: Any) -> Move | None:
        """The move the table allows from ``state`` by ``action``, or ``None``."""
        source = self.states(state)
        entry = self.transitions.get((source, action))
        if entry is None:
            return None
        target, who = entry if isinstance(entry, tuple) else (entry, None)
        return Move(source=source, action=action, target=target, who=who)

    def allowed_actions(self, state: Any) -> list[Any]:
        """The actions the table allows from ``state``, in table order."""
        source = self.states(state)
        return [action for (from_state, action) in self.transitions if from_state == source]

    def run(
        self,
        obj: M,
        *,
        actor: Any,
        action: Any,
        payload: dict[str, Any] | None = None,
        check: Check | None = None,
        apply: Apply | None = None,
        effects: Effects | None = None,
    ) -> M:
        """Make one move and return the locked, saved record.

        ``check(locked)`` may raise a ``DomainError`` before anything is written;
        ``apply(locked)`` changes other fields and may return more payload for the event;
        ``effects(locked)`` runs after the commit (mail, notifications, tasks). Raises
        ``DomainError`` (code ``invalid_transition``) for a move the table does not allow
        and ``NotPermitted`` when ``may_act`` refuses; nothing is written then.
        """
        with transaction.atomic():
            locked = self.locked(obj)
            move = self.move_for(getattr(locked, self.state_field), action)
            if move is not None and self.admits is not None and not self.admits(locked, move):
                move = None
            if move is None:
                raise DomainError(
                    self._refusal(locked, action), code=WorkflowError.INVALID_TRANSITION
                )
            if self.may_act is not None and not self.may_act(actor, locked, move.who):
                raise NotPermitted()
            if check is not None:
                check(locked)
            event_payload = dict(payload or {})
            if apply is not None:
                event_payload.update(apply(locked) or {})
            setattr(locked, self.state_field, move.target)
            locked.save()
            self.record(locked, actor, move, event_payload)
            if effects is not None:
                transaction.on_commit(lambda: effects(locked))
        return locked

    def _refusal(self, obj: M, action: Any) -> str:
        source = self.states(getattr(obj, self.state_field))
        if self.refusal is not None:
            return self.refusal(obj, source, action)
        return str(
            _("Không thể “%(action)s” khi hồ sơ đang “%(state)s”.")
            % {
                "action": getattr(action, "label", action),
                "state": getattr(source, "label", source),
            }
        )


def event_writer(event_model: type[models.Model], subject: str) -> Record:
    """A ``record`` for an event table with ``from_state`` and ``to_state`` columns: one
    row linked to the record by the field ``subject``, its kind the action's value."""

    def record(obj: Any, actor: Any, move: Move, payload: dict[str, Any]) -> None:
        event_model._default_manager.create(
            **{subject: obj},
            actor=actor,
            kind=move.action,
            from_state=move.source,
            to_state=move.target,
            payload=payload,
        )

    return record


def worded_refusal(message: StrOrPromise, label: Callable[[Any], Any]) -> Refusal:
    """A ``refusal`` filling ``message`` (``gettext_lazy``, so it is translated when a
    move is refused) with ``%(action)s``, the action as ``label`` names it, and
    ``%(state)s``, the label of the state the record is in."""

    def refusal(obj: Any, source: Any, action: Any) -> str:
        return str(message % {"action": label(action), "state": getattr(source, "label", source)})

    return refusal


_REGISTRY: dict[type[models.Model], Workflow[Any]] = {}


def registered_workflows() -> dict[type[models.Model], Workflow[Any]]:
    """Every workflow defined so far, by model (import the apps' workflow modules first)."""
    return dict(_REGISTRY)
