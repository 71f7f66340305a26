"""Features: each compares one aspect of a query with a listed entity and says why.

A feature returns a value and a detail sentence; an algorithm (:mod:`..algorithms`) weighs them.
"""
