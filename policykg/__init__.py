"""policykg: knowledge graphs of who owns which task in Chinese policy plans."""
__version__ = "0.1.0"
