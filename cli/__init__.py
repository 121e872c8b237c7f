"""The `congdoan` command line: a thin typer wrapper over the library."""
