"""Computing what the report prints: takes the typed report and its template, gives values.

`indicators` (ratios, targets, changes, the wording of a figure), `tables` (a table
kind plus rows → a grid with STT, groups, counts, marks, totals; the tallies),
`numbering` (I./1./1.1./a) labels, appendix labels), `periods` (the reporting
periods and their labels), `compare` (two periods' indicators side by side) and
`next_period` (the next period's input, started from the last one).
"""
