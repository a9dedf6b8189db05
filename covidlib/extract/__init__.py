"""Extractors: one module per fact type, each a verb that takes an Article and returns Spans over its body."""
