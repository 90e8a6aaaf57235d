"""Files in and out: the JSON export and import, and contacts files from other programs."""
