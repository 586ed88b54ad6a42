"""Agencies: the curated registry (schema/registries/agencies.toml) and name resolution."""
