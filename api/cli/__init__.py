"""The `gazette` command line (`api.cli.main`) and what it shows on a terminal."""
