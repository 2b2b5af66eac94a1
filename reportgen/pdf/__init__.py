"""Reading and marking a written PDF: what LibreOffice made and what a signer will sign.

Takes the path (or bytes) of a PDF; gives what is in it — its fonts and whether each is
embedded, its PDF/A identification (`inspect`), its text lines with their positions
(`text`), the boxes where the signatures go and the sidecar that carries them (`boxes`),
its signatures and whether they hold (`signatures`) — and signs it (`signing`, PAdES with
pyHanko).

It reads files written by the build, never the build's own objects: it imports no stage
(source, compute, compose, writers) and nothing of the commands or the checker, so the
writer, the checker and `reportgen sign` can all use it.
"""
