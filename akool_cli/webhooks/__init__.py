"""Receiving AKOOL's callbacks."""
