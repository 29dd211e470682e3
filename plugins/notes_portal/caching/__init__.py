"""The persistent build cache: its store on disk, content fingerprints, what a template reads.

Storage and keys only: imports nothing of the portal above ``compat``, so that every layer may keep
its work here.
"""
