"""covidlib: read Vietnamese COVID-19 news pages at scale.

Load scraped pages, separate each article from its page furniture, read its
metadata, and extract facts (places, officials, typed case counts), each with
the sentence and character offsets it came from.
"""
__version__ = "0.1.0"
