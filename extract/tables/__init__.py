"""Tables that assign tasks (分工表): see responsibility.py."""
