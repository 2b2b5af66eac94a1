"""Reading the user's files: takes YAML paths, gives a validated, typed report.

`loader` reads YAML keeping the file, line and column of every key and value and
follows `bao_gom` includes (`encoding`: the file's bytes as its author saw them,
NFC, TCVN3/VNI found; `scalars`: YAML 1.2 types; `yaml_errors`: syntax errors in
Vietnamese); `reading` gives each field its value from the text as typed (Vietnamese
figures, dates day first) and `markup` finds markup left open; `schema` and `validate` check it (the cerberus schema
plus the rules a schema cannot say), every problem at once, in Vietnamese;
`model` turns it into typed dataclasses; `templates` reads a template folder
(settings, table kinds, texts); `json_schema` derives the editors' JSON Schema;
`units` reads a list of units and units' figures files, `workbook` a filled
collection workbook; `conforms` is the quick schema walk validation tries first.
Nothing here computes or formats.
"""
