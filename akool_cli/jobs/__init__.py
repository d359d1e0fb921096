"""Jobs of every kind: creating, following, downloading, batches."""
