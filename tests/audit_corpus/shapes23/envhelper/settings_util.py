import os


def env_fallback(name, fallback):
    """The variable's value, or the fallback when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or fallback
