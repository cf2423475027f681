"""``python -m unspin``: the command line."""

from unspin.cli import main

raise SystemExit(main())
