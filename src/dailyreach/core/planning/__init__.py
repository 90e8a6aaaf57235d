"""What the records mean for the day: today's plan, pending replies, the agenda, the figures behind the stats."""
