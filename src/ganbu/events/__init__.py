"""Events layer: triggers, participants and their roles, dates and places of encounters,
statements, quantities attached to events, and warnings.

    extract.py       extract_events: one pass over the sentences (orchestrates the modules below)
    types.py         working records: Event, EventLog (repeats found by index), Passage
    sentences.py     sentences, headings, the dates carried from sentence to sentence
    triggers.py      trigger words (data/event_triggers.tsv) and the one that opens an event
    venues.py        venues, the report's frame, inspected places (data/venues.tsv)
    participants.py  people by offset, reporters, roles (chair, speaker), hosts, formula subjects
    topics.py        what an event is about
    statements.py    reported speech
    appointments.py  appointment and removal events from the title grammar's formulas
    notes.py         quantities attached to events, count-mismatch warnings

Imports go one way (no cycles): extract imports the others; they import only types, sentences
and participants of this package.
"""
