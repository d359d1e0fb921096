"""akool audit: AKOOL calls in people's scripts checked against the documentation."""
