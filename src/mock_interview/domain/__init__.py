"""Pure logic with no I/O: parsing rules, taxonomy, matching, planning, scoring, validation."""
