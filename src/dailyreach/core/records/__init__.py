"""What dailyreach keeps: contacts, interactions, invitations and settings, and how each field is read and checked."""
