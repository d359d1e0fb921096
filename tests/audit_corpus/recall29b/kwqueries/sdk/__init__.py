from .client import AkoolClient

__all__ = ["AkoolClient"]
