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
    appointments.py  appointment and removal events: the title grammar's formulas and the verbs of
                     data/appointment_verbs.tsv (被任命为, 辞去, 解除…职务, 给予…开除党籍), dated by
                     their sentence
    visits.py        visits to countries (one per country) and visits told in passing (普京今年访华)
    signings.py      the parties of a signing named with no person (埃及与希腊签署)
    notes.py         quantities attached to events, count-mismatch warnings

Imports go one way (no cycles): extract imports the others; they import only types, sentences
and participants of this package.
"""
