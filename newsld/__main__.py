from newsld.cli import main

main(prog_name="newsld")
