"""Files the portal adds to the site: generated pages, Atom feeds, rewritten links, rendered partials."""
