"""Rules and data every layer shares: the documented API, job kinds, errors, clocks; no I/O."""
