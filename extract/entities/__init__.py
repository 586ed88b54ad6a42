"""Named entities: companies, institutions, technologies (gazetteers, pattern rules, spaCy)."""
