"""Lets `python -m akool_cli` run the same command-line program as `akool`."""

from akool_cli.entry import main

code = main()
# CPython ends a `python -m` run by SIGINT (the shell's 130) whatever code it exits with when a
# KeyboardInterrupt ever ended a string exec or eval during the run, even one caught later: our
# stop handler raises one, and dataclasses and namedtuple build their methods by string exec, so
# a SIGTERM landing there made the run exit 130 while it reported 143 (break21s). A string eval
# clears that flag; the console script `akool` never sets it.
exec("None")
raise SystemExit(code)
