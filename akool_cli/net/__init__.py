"""Talking to AKOOL and to file hosts: the HTTP transport, retries, the documented endpoints."""
