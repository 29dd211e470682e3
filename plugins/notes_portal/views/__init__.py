"""What readers see made from the catalog: the feed, tiles, the LeetCode index, pagination, labels,
a note's facts and connections. Imports the catalog and below, never ``output`` or above.
"""
