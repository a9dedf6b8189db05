"""The loading stage: input files to decoded page text, with a load report.

What it does: walks files and folders (HTML, text, JSON, JSON Lines, gzip), names each page,
decodes its bytes (encodings, mojibake repair, the language check), turns HTML into text,
streams JSON records, and writes one load-report row per input with its status and reason;
it also finds pages whose text was seen before.

Hands over: bytes -> :class:`~.load.LoadedPage` (the page text and any metadata hints),
with a :class:`~.load.LoadRecord` for the load report.

May import: the base modules (``config``, ``document``, ``normalize``) and ``reference/``.
"""
