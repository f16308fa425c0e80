"""Language layer: normalisation, dates, places, quantities and the lexicons they read.

Nothing here knows about people or events; the layers above read it.
"""
