"""akool: a command-line client for the documented AKOOL talking-photo API."""

__version__ = "0.1.0"
