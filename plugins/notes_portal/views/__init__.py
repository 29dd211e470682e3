"""What readers see made from the catalog: the feed, tiles, the LeetCode index, pagination, labels, the small nav."""
