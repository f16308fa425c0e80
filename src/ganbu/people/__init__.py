"""People layer: names, title chains, appointment formulas, positions, organisations and
persons, read from the normalised text with the language layer's places and lexicons."""
