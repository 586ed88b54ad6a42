"""The built-in corpus (manifest.toml, documents/), installed as the data package
policykg.corpus so an installed policykg finds it through importlib.resources."""
