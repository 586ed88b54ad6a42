"""Responsibility clauses: who leads, supports or is responsible for a task, and agency lists."""
