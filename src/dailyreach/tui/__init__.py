"""The full-screen app: a thin client of dailyreach.core."""
