"""Writers: take the document tree (`reportgen.document`), give bytes. They never compute.

`docx` (with `ooxml` for what python-docx lacks and `roles` for the styles.docx
mapping), `text` (plain text for git diffs), `pdf` (the .docx through headless
LibreOffice).
"""
