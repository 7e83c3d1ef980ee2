"""Certificates at scale: rendering Bằng khen / Giấy khen PDFs for a decision of hundreds.

Loads the demo in a throw-away database, then renders the demo decision's certificates
N times over, one PDF each (as the batch task does before zipping) and once as a single
combined PDF, and prints the time per certificate and the sizes.

Usage: .venv/bin/python bench/certificates.py [--count 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500, help="certificates to render")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        os.environ["THIDUA_DATA_DIR"] = tempfile.mkdtemp(prefix="thidua-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo_setup", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from thidua.decisions.certificate_pdf import certificate_pdf
    from thidua.decisions.models import Certificate

    demo = list(Certificate.objects.select_related("entry__decision__form").order_by("pk"))
    if not demo:
        raise SystemExit("the demo has no certificate")
    chosen = [demo[i % len(demo)] for i in range(args.count)]

    started = time.perf_counter()
    sizes = [len(certificate_pdf([certificate])) for certificate in chosen]
    one_by_one = time.perf_counter() - started

    started = time.perf_counter()
    combined = certificate_pdf(chosen)
    together = time.perf_counter() - started

    print(f"{'what':<40} {'value':>12}")
    print(f"{'certificates rendered':<40} {args.count:>12}")
    print(f"{'one PDF each: ms per certificate':<40} {one_by_one * 1000 / args.count:>12.1f}")
    print(f"{'one PDF each: KB per file (mean)':<40} {sum(sizes) / len(sizes) / 1024:>12.1f}")
    print(f"{'combined PDF: ms per certificate':<40} {together * 1000 / args.count:>12.1f}")
    print(f"{'combined PDF: MB':<40} {len(combined) / 1024 / 1024:>12.1f}")


if __name__ == "__main__":
    main()
