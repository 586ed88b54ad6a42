"""Other facts a plan states: quantitative targets and the documents it cites."""
