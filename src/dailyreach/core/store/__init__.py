"""Where records live: the JSON file, its lock, and the per-contact summaries kept beside the log."""
