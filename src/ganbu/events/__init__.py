"""Events layer: triggers, participants and their roles, dates and places of encounters,
statements, quantities attached to events, and warnings."""
