"""``python -m latar.cli``."""

from latar.cli.main import main

raise SystemExit(main())
