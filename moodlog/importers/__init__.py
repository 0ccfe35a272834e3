"""Reading other apps' exports into an ImportPreview (pure Python: no Qt, no SQL).

One module per format, plus ``format_detection`` (which format a file is, and reading it),
and the shared pieces: decoding and CSV records (``source_text``), clock times, localised
month names, note clean-up. Storage writes a preview with ``DiaryStore.imports``.
"""
