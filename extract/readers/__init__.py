"""Readers: a file on disk in, decoded text (and where it came from) out. Also corpus discovery
and manifest entries. First stage of the one-way flow: readers → structure → clauses/agencies/
entities/facts → `pipeline` assembles one `Extraction`."""
