"""reportgen: YAML → báo cáo hành chính theo Nghị định 30/2020/NĐ-CP.

The pipeline, one module per stage:
loader → validate (schema + rules) → model → compute (numbering, indicators,
tables, templating) → compose (document tree) → writers (docx, text, pdf).
"""

__version__ = "0.1.0"
