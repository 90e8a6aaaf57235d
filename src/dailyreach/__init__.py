"""dailyreach: a daily planner for reaching out directly to the people you want to learn from."""

__version__ = "0.1.0"
