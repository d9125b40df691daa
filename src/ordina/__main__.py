"""`python -m ordina` is the same as the `ordina` command."""

from ordina.cli import main

raise SystemExit(main())
