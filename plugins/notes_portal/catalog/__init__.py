"""The catalog of one language build: notes, their dates from git, their excerpts."""
