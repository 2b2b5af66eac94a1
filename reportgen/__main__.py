from reportgen.program import run

run()
