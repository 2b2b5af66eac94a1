"""The commands: each module one command; they orchestrate the stages and never compute or format.

`build` (one report or a batch), `validate`, `new`, `diff`, `check`, `schema`;
`rollup`, `export`, `form` (with `collect`): units' figures in, the province's out.
"""
