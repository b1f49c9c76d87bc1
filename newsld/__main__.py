"""The newsld program: the ``newsld`` command and ``python -m newsld``."""
from newsld import startup


def main():
    startup.pause()  # until the run is under way (newsld.startup), not for a caller importing the CLI
    from newsld.cli import main as cli
    cli(prog_name="newsld")


if __name__ == "__main__":
    main()
