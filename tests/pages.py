"""Reading pages as a user reads them: a signed-in client, the visible text of a page,
and what a strict Content Security Policy would refuse in it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.test import Client

from thidua.accounts.models import User

#: Headers of an HTMX request (django-htmx reads HX-Request).
HX = {"HX-Request": "true"}


def signed_in(user: User) -> Client:
    """A test client signed in as ``user`` (force_login: axes needs a request to count)."""
    client = Client()
    client.force_login(user)
    return client


def page_text(response) -> str:
    """The visible text of an HTML response, whitespace collapsed (for content asserts)."""
    parser = _TextParser()
    parser.feed(response.content.decode())
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "title"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style", "title"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP (script-src 'self'; style-src 'self') would block."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if "style" in names:
            self.problems.append(f"style= on <{tag}>")
        self.problems += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self._in_script = True
            if "src" not in names:
                self.problems.append("<script> without src")
        for name, value in attrs:
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("inline script content")


def csp_problems(response) -> list[str]:
    """Everything in the page a strict CSP would refuse, plus a missing CSP header."""
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    header = response.headers.get("Content-Security-Policy", "")
    if "script-src 'self'" not in header or "style-src 'self'" not in header:
        finder.problems.append(f"CSP header missing or weak: {header!r}")
    return finder.problems
