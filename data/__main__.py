"""Command line for the store: python -m data build | import | add-user | list-users | backup | restore ..."""

from __future__ import annotations

import argparse
import sys

from . import backup, build, real, users
from .importing import command as import_command
from .importing import fetch as fetch_pxweb

# Each command module exposes add_arguments(subparsers) and sets func on its parser.
COMMANDS = [build, users, import_command, fetch_pxweb, real, backup]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data", description="Bygg och fyll S3-dashboardens databas.")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.add_arguments(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
