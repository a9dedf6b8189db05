"""The parsing stage: numbers and dates as Vietnamese news writes them.

What it does: finds numbers ("6.360", "hơn một nghìn hai trăm", "1,2 triệu") with their kind
and qualifier, and dates ("sáng 8-10", "ngày 28/5/2021") resolved against a publication date.

Hands over: number and date spans (:class:`~covidlib.document.Span`) over a text, and ISO dates.

May import: the base modules (``config``, ``document``, ``normalize``, ``vocab``), ``reference/``
and ``io/``.
"""
