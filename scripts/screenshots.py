"""Take the documentation screenshots from a running demo (``make demo`` first).

Usage: .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs/img]
Signs in as a demo user in Debian Chromium (Playwright) and saves one PNG per page.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PAGES = [
    # (file name, user, path or link text to follow, viewport width)
    ("campaign.png", "bantdkt", "campaign", 1280),
    ("campaign-phone.png", "canbo_xa", "campaign", 390),
    ("units.png", "bantdkt", "/don-vi/?q=cau+ke", 1280),
    ("home-commune.png", "canbo_xa", "/", 390),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/img")
    parser.add_argument("--only", nargs="*", help="file names to take")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, user, target, width in PAGES:
            if args.only and name not in args.only:
                continue
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{args.base}/tai-khoan/dang-nhap/")
            page.fill("input[name=username]", user)
            page.fill("input[name=password]", "thidua-demo")
            page.click("form:has(input[name=username]) button[type=submit]")
            if target == "campaign":
                page.goto(f"{args.base}/phong-trao/")
                page.click("text=128/KH-UBND")
            else:
                page.goto(f"{args.base}{target}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / name), full_page=False)
            print(f"saved {out / name}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
