"""`python -m thidua <command>`: run any management command with thidua's settings."""

import os
import sys


def main() -> None:
    """Run a Django management command, as manage.py would."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()
