"""Writers: take the document tree (`reportgen.document`), give bytes. They never compute.

`docx` (with `ooxml` for what python-docx lacks and `roles` for the styles.docx
mapping), `text` (plain text for git diffs), `pdf` (the .docx through headless
LibreOffice). Figures leave as bytes too: `xlsx` (the export, biểu-mẫu-shaped),
`xlsx_form` (the collection workbook), `json_export`, `figures_yaml` (a figures file).
"""
