"""What akool keeps on this machine: settings, credentials, the job history, process owners."""
