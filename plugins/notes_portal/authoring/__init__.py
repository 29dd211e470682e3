"""Reading and validating notes as authors write them; shared by the build and the ``notes-portal`` CLI."""
