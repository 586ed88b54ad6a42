"""Structure: lines, numbering markers, the section tree, task units and header metadata."""
