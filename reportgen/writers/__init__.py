"""Writers: take the document tree (`reportgen.document`), give bytes. They never compute.

`docx` (WordprocessingML written directly: `ooxml` holds the schema's child orders and
the builders, `template` the styles.docx read once per process, `package` the zip,
`shapes` the drawn rules, `properties` the document properties, `roles` the styles.docx
mapping), `text` (plain text for git diffs), `pdf` (the .docx through headless
LibreOffice). Figures leave as bytes too: `xlsx` (the export, biểu-mẫu-shaped),
`xlsx_form` (the collection workbook), `json_export`, `figures_yaml` (a figures file).
"""
