"""The household card (扶贫手册): every section of domain.md §2 in tabs, edited through services."""
