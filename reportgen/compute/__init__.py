"""Computing what the report prints: takes the typed report and its template, gives values.

`indicators` (ratios, targets, changes, the wording of a figure), `tables` (a table
kind plus rows → a grid with STT, groups, counts, marks, totals; the tallies),
`numbering` (I./1./1.1./a) labels, appendix labels), `periods` (the reporting
periods, their labels and data windows), `period_checks` and `stale` (figures still
to update, `tinh_den` outside its window, typed mentions of an earlier period),
`compare` (two periods' indicators and tasks side by side) and `next_period` (the next
period's input, edited in place from the last one by `yaml_edit`); `rollup` (units'
figures summed into the province's) and `export` (the figures as rows for the
reporting system, and a collection workbook's contents).
"""
