"""Translated texts of the checks, looked up once per list checked.

Checking a queue of 10.000 nominations says the same sentences 10.000 times; Django's
``gettext`` reads the active language from a context-local each time, which costs more
than the checks themselves (issue #16). While ``check_nominations`` runs
(``translations_cached``), each text is translated once and kept for the rest of the
list: the language cannot change in the middle of it. Outside, ``gettext`` is Django's.
``makemessages`` finds the texts as usual (``_`` is the keyword it looks for).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.utils.translation import gettext as django_gettext

V = TypeVar("V")

_CACHE: ContextVar[dict[Any, Any] | None] = ContextVar("eligibility_texts", default=None)


@contextmanager
def translations_cached() -> Iterator[None]:
    """Keep each translated text for the duration of the block (one list checked)."""
    token = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(token)


def gettext(message: str) -> str:
    """Django's ``gettext``, kept for the list being checked."""
    cache = _CACHE.get()
    if cache is None:
        return django_gettext(message)
    text = cache.get(message)
    if text is None:
        text = cache[message] = django_gettext(message)
    return text


def cached(key: Any, make: Callable[[], V]) -> V:
    """``make()`` (the label of a choice, a value's citation: translated texts), kept
    under ``key`` for the list being checked."""
    cache = _CACHE.get()
    if cache is None:
        return make()
    if key not in cache:
        cache[key] = make()
    return cache[key]
