"""The newsld program: the ``newsld`` command and ``python -m newsld``; it ends the process
when the run is over (``startup.end``)."""
from newsld import startup


def main():
    """Run the command line, then end the process (``startup.end``): run the CLI in-process
    with ``newsld.cli.main``."""
    startup.pause()  # until the run is under way (newsld.startup), not for a caller importing the CLI
    from newsld.cli import main as cli
    try:
        cli(prog_name="newsld")
    except SystemExit as e:
        startup.end(e)


if __name__ == "__main__":
    main()
