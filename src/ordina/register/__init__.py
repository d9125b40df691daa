"""The decisions register: what the office decided, on which facts and which text.

``subject`` turns an ID ("incarico 12", ``part-time:3``, ``2026/3``) into the database
row with its facts; ``proposal`` runs the engine's checks on it; ``receipt`` writes down
everything the proposal rested on; ``chain`` hashes the entries; ``recheck`` runs a
recorded decision again, on its own facts or on today's, under another text.
"""
