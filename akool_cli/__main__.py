"""Lets `python -m akool_cli` run the same command-line program as `akool`."""

from akool_cli.entry import main

raise SystemExit(main())
