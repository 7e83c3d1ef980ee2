"""Every string is translated: vi complete, en complete, catalogues up to date and compiled."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "thidua" / "locale"


def entries(po: Path) -> dict[str, str]:
    """msgid → msgstr (plural forms joined), fuzzy entries marked with a leading '#fuzzy'."""
    text = po.read_text("utf-8")
    result: dict[str, str] = {}
    for block in text.split("\n\n"):
        if "msgid " not in block or block.lstrip().startswith("#~"):
            continue
        fuzzy = "#, fuzzy" in block
        ids = re.search(r'^msgid "(.*)"\n((?:".*"\n?)*)', block, re.MULTILINE)
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n?((?:".*"\n?)*)', block, re.MULTILINE)
        if ids is None:
            continue
        msgid = ids.group(1) + "".join(re.findall(r'"(.*)"', ids.group(2)))
        if msgid == "":
            continue  # the header
        value = "".join(a + "".join(re.findall(r'"(.*)"', b)) for a, b in strs)
        result[msgid] = ("#fuzzy" if fuzzy else "") + value
    return result


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogue_is_complete(language):
    catalogue = entries(LOCALE / language / "LC_MESSAGES" / "django.po")

    missing = [msgid for msgid, msgstr in catalogue.items() if not msgstr]
    fuzzy = [msgid for msgid, msgstr in catalogue.items() if msgstr.startswith("#fuzzy")]

    assert len(catalogue) > 500
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools not installed")
def test_catalogues_hold_every_string_of_the_code(tmp_path):
    copy = tmp_path / "thidua"
    shutil.copytree(ROOT / "src" / "thidua", copy, ignore=shutil.ignore_patterns("__pycache__"))

    subprocess.run(
        [
            sys.executable,
            "-m",
            "thidua",
            "makemessages",
            "-l",
            "en",
            "--ignore",
            "migrations",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )

    fresh = set(entries(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    committed = set(entries(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_is_current(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")

    assert mo.exists(), "run `make messages` (compiled catalogues are committed)"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalogue = {k: v for k, v in entries(po).items() if "\\" not in k}

    for msgid, msgstr in catalogue.items():
        if "%" in msgid or "{" in msgid or msgid not in compiled._catalog:
            continue  # placeholders and plural forms: counted below
        assert compiled.gettext(msgid.replace('\\"', '"')) == msgstr.replace('\\"', '"'), msgid
    assert len(compiled._catalog) >= len(catalogue)
