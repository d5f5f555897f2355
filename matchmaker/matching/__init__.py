"""Matching: from a client's answers to ranked, filtered, explained therapists.

- ``search_table``: the Listing rows matching reads, and the one function that writes them.
"""
